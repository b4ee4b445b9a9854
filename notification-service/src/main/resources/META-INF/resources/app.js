// Xianjie notification console: a live inbox over the SSE stream (fetch + ReadableStream, because
// EventSource cannot send an Authorization header), acknowledgements and referral timelines.
(function () {
  'use strict';

  const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const I18N = {
    zh: {
      appName: '衔接 · 通知台', offline: '未连接', live: '实时', reconnecting: '重连中…', signOut: '退出',
      signInTitle: '使用令牌登录', signInHint: '本地环境启动时会打印演示令牌（./xianjie token AGENCY ROLE）。',
      signIn: '登录', inbox: '收件箱', unread: '未读', filterAll: '全部', filterUnread: '未读', filterUrgent: '紧急',
      filterAction: '待办', empty: '暂无通知', pickOne: '选择一条通知查看移送进程与期限。', ack: '确认',
      readBy: '已读', INFO: '知悉', ACTION: '待办', URGENT: '紧急', badToken: '令牌无效或已过期',
      deadline: '期限', state: '状态', parties: '当事机关', deadlines: '进行中的期限', steps: '进程', due: '届满', responsible: '责任机关',
      overdue: '已逾期', none: '无', noTimeline: '此通知不属于移送，或尚无进程。', agency: '行政执法机关',
      police: '公安机关', procuratorate: '检察院', court: '法院', occurred: '发生', recorded: '录入',
      dq: '数据录入及时性', dqPeriod: '期间', dqActs: '行为数', dqLate: '迟录', dqShare: '迟录比例', dqMax: '最长迟延',
      dqWorst: '迟延最久的录入', dqPenalties: '处罚决定迟录', dqThreshold: '迟录标准', dqAct: '行为', dqDelay: '迟延',
      dqDecision: '决定日期',
      BULLETIN: '重大案件通报', CLUE: '线索通报', CONSULTATION: '案件咨询', EARLY_INTERVENTION: '提前介入', MEETING: '联席会议',
      sender: '发送机关', addressees: '接收机关', text: '内容', acceptClue: '接收线索', readBulletin: '签收已阅',
      linkedCase: '已立案', itemState: '办理状态', PENDING: '待处理', READ: '已阅', ACCEPTED: '已接收', DECLINED: '不予接收',
      FORWARDED: '已转交', CASE_OPENED: '已立案', ANSWERED: '已答复',
      fig: '统计 · 年度数据', figYear: '年度', figAgencyCode: '机关', figRegion: '地区', figTotal: '合计',
      figCsv: '下载 CSV', figCsvMonths: '下载按月 CSV', figByMonth: '按月', figByAgency: '按机关', figAll: '全部机关',
      figNone: '本年度暂无数据', figMonth: (m) => m + '月',
      figHint: '按行政执法机关统计；每项以其规定日期（北京时间）所在年、月计入。',
      adminCasesFiled: '行政立案', adminCasesClosed: '行政结案', caseValue: '案值（元）', fines: '罚款（元）',
      confiscations: '没收（元）', referralsSent: '移送', policeFiled: '公安立案', policeDeclined: '不予立案',
      arrestsApprovedCases: '批捕（件）', arrestsApprovedPersons: '批捕（人）', prosecutedCases: '起诉（件）',
      prosecutedPersons: '起诉（人）', courtAccepted: '法院受理', courtJudged: '判决',
      penaltyDecisionsReviewed: '审查处罚决定', leadsRaised: '监督线索', deadlinesBreached: '超期'
    },
    en: {
      appName: 'Xianjie · Console', offline: 'offline', live: 'live', reconnecting: 'reconnecting…', signOut: 'Sign out',
      signInTitle: 'Sign in with a token', signInHint: 'The local stack prints demo tokens at start (./xianjie token AGENCY ROLE).',
      signIn: 'Sign in', inbox: 'Inbox', unread: 'Unread', filterAll: 'All', filterUnread: 'Unread', filterUrgent: 'Urgent',
      filterAction: 'To do', empty: 'No notifications', pickOne: 'Pick a notification to see the referral and its deadlines.',
      ack: 'Acknowledge', readBy: 'Read', INFO: 'Info', ACTION: 'Action', URGENT: 'Urgent', badToken: 'Invalid or expired token',
      deadline: 'Time limit', state: 'State', parties: 'Parties', deadlines: 'Open deadlines', steps: 'Steps', due: 'Due', responsible: 'Responsible',
      overdue: 'overdue', none: 'none', noTimeline: 'Not a referral notification, or no steps yet.', agency: 'Agency',
      police: 'Police', procuratorate: 'Procuratorate', court: 'Court', occurred: 'happened', recorded: 'entered',
      dq: 'Timeliness of data entry', dqPeriod: 'Period', dqActs: 'Acts', dqLate: 'Late', dqShare: 'Late share', dqMax: 'Longest delay',
      dqWorst: 'Longest entry delays', dqPenalties: 'Penalty decisions entered late', dqThreshold: 'Late means after',
      dqAct: 'Act', dqDelay: 'Delay', dqDecision: 'Decision date',
      BULLETIN: 'Major-case bulletin', CLUE: 'Clue', CONSULTATION: 'Consultation', EARLY_INTERVENTION: 'Early intervention',
      MEETING: 'Joint meeting', sender: 'Sender', addressees: 'Addressees', text: 'Text', acceptClue: 'Accept clue',
      readBulletin: 'Sign as read', linkedCase: 'Case opened', itemState: 'Handling', PENDING: 'pending', READ: 'read',
      ACCEPTED: 'accepted', DECLINED: 'declined', FORWARDED: 'forwarded', CASE_OPENED: 'case opened', ANSWERED: 'answered',
      fig: 'Figures · the year', figYear: 'Year', figAgencyCode: 'Agency', figRegion: 'Region', figTotal: 'Total',
      figCsv: 'Download CSV', figCsvMonths: 'Download CSV by month', figByMonth: 'By month', figByAgency: 'By agency',
      figAll: 'All agencies', figNone: 'No figures for this year', figMonth: (m) => MONTHS_EN[m - 1],
      figHint: 'Per administrative agency; each figure counts in the year and month (Beijing time) of the date its definition names.',
      adminCasesFiled: 'Cases filed', adminCasesClosed: 'Cases closed', caseValue: 'Case value (yuan)', fines: 'Fines (yuan)',
      confiscations: 'Confiscations (yuan)', referralsSent: 'Referrals sent', policeFiled: 'Police filed',
      policeDeclined: 'Police declined', arrestsApprovedCases: 'Arrests approved (cases)',
      arrestsApprovedPersons: 'Arrests approved (persons)', prosecutedCases: 'Prosecuted (cases)',
      prosecutedPersons: 'Prosecuted (persons)', courtAccepted: 'Court accepted', courtJudged: 'Judged',
      penaltyDecisionsReviewed: 'Penalty decisions reviewed', leadsRaised: 'Leads raised', deadlinesBreached: 'Deadlines breached'
    }
  };

  const state = {
    lang: localStorage.getItem('xianjie.lang') || 'zh',
    token: sessionStorage.getItem('xianjie.token'),
    items: new Map(),       // id -> notification (dedupe on the stable id)
    lastEventId: null,
    unread: 0,
    abort: null,
    selected: null
  };
  const $ = (id) => document.getElementById(id);
  const t = (key) => (I18N[state.lang][key] || key);

  function applyLang() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    $('lang').textContent = state.lang === 'zh' ? 'EN' : '中文';
    render();
    if (state.selected) { showTimeline(state.selected); }
    renderDataQuality();
    renderFigures();
  }

  function claims(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part))));
    } catch (e) { return null; }
  }

  async function api(path, options) {
    const response = await fetch(path, Object.assign({}, options, {
      headers: Object.assign({ Authorization: 'Bearer ' + state.token }, (options || {}).headers)
    }));
    if (response.status === 401) { signOut(t('badToken')); throw new Error('unauthorized'); }
    return response;
  }

  async function signIn(token) {
    state.token = token.trim();
    const c = claims(state.token);
    if (!c) { $('signin-error').textContent = t('badToken'); $('signin-error').hidden = false; return; }
    let page;
    try {
      const response = await api('/api/v1/notifications?limit=100');
      if (!response.ok) { throw new Error(response.status); }
      page = await response.json();
    } catch (e) {
      $('signin-error').textContent = t('badToken'); $('signin-error').hidden = false; return;
    }
    sessionStorage.setItem('xianjie.token', state.token);
    $('who').textContent = (c.agency || '') + ' · ' + (c.upn || c.sub || '') + ' · ' + (c.groups || []).join(', ');
    $('signin-panel').hidden = true; $('console').hidden = false; $('signout').hidden = false;
    state.items.clear();
    page.items.forEach((n) => state.items.set(n.id, n));
    state.unread = page.unread;
    state.lastEventId = page.items.length ? Math.max.apply(null, page.items.map((n) => n.seq)) : 0;
    render();
    connect();
    showDataQuality();
  }

  function table(headers, rows) {
    const el = text('table');
    const head = text('tr');
    headers.forEach((h) => head.appendChild(text('th', null, h)));
    el.appendChild(head);
    rows.forEach((r) => {
      const tr = text('tr', r.cls || '');
      r.cells.forEach((v) => tr.appendChild(text('td', null, v === undefined || v === null ? '' : String(v))));
      el.appendChild(tr);
    });
    return el;
  }

  // Only a procuratorate gets an answer (others: 403), so the section stays hidden for everyone else.
  async function showDataQuality() {
    const pane = $('dataquality');
    let dq;
    try {
      const response = await api('/api/v1/data-quality');
      if (!response.ok) { pane.hidden = true; return; }
      dq = await response.json();
    } catch (e) { pane.hidden = true; return; }
    state.dataQuality = dq;
    renderDataQuality();
    // The data-quality view answers procuratorates only: the same callers get the figures section.
    showFigures(state.figuresYear || thisYear());
  }

  function renderDataQuality() {
    const dq = state.dataQuality;
    const pane = $('dataquality');
    if (!dq || !pane) { return; }
    pane.hidden = false;
    pane.replaceChildren(text('h2', null, t('dq')));
    pane.appendChild(text('p', 'hint', t('dqPeriod') + ' ' + dq.from + ' – ' + dq.to + ' · ' + t('dqThreshold') + ' '
      + dq.lateThreshold + ' · ' + t('dqActs') + ' ' + dq.acts + ' · ' + t('dqLate') + ' ' + dq.late
      + ' (' + Math.round(dq.lateShare * 100) + '%)'));
    pane.appendChild(table([t('agency'), t('dqActs'), t('dqLate'), t('dqShare'), t('dqMax')],
      dq.agencies.map((a) => ({ cells: [a.agencyCode, a.acts, a.late, Math.round(a.lateShare * 100) + '%', a.maxDelay] }))));
    pane.appendChild(text('h3', null, t('dqWorst')));
    pane.appendChild(table([t('agency'), t('dqAct'), t('occurred'), t('recorded'), t('dqDelay')],
      dq.worst.map((w) => ({ cls: w.enteredLate ? 'overdue' : '',
        cells: [w.agencyCode, (w.caseNumber || '') + ' ' + w.act, fmt(w.occurredAt), fmt(w.recordedAt), w.delay] }))));
    pane.appendChild(text('h3', null, t('dqPenalties')));
    if (!dq.latePenaltyDecisions.length) { pane.appendChild(text('p', 'hint', t('none'))); } else {
      pane.appendChild(table([t('agency'), t('dqAct'), t('dqDecision'), t('recorded'), t('dqDelay')],
        dq.latePenaltyDecisions.map((p) => ({ cls: 'overdue',
          cells: [p.agencyCode, p.caseNumber, p.decisionDate, fmt(p.recordedAt), p.daysAfterDecision + 'd'] }))));
    }
  }

  // The year's figures (referral-service /api/v1/statistics?by=month): the columns in the API's order.
  const FIGURES = ['adminCasesFiled', 'adminCasesClosed', 'caseValue', 'fines', 'confiscations', 'referralsSent',
    'policeFiled', 'policeDeclined', 'arrestsApprovedCases', 'arrestsApprovedPersons', 'prosecutedCases',
    'prosecutedPersons', 'courtAccepted', 'courtJudged', 'penaltyDecisionsReviewed', 'leadsRaised', 'deadlinesBreached'];
  const AMOUNTS = ['caseValue', 'fines', 'confiscations'];
  // What the charts draw: the referral's path from the agency to the court, one colour each.
  const CHARTED = ['referralsSent', 'policeFiled', 'prosecutedCases'];

  // The year in China, as the API counts it, whatever the browser's zone.
  function thisYear() {
    return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  }

  // Amounts as the CSV writes them (two decimals), counts as they are.
  function cell(field, v) {
    return AMOUNTS.includes(field) ? Number(v).toFixed(2) : String(v);
  }

  async function showFigures(year) {
    state.figuresYear = year;
    let answer;
    try {
      const response = await api('/api/v1/statistics?by=month&year=' + year);
      if (!response.ok) { $('figures').hidden = true; return; }
      answer = await response.json();
    } catch (e) { $('figures').hidden = true; return; }
    if (answer.year !== state.figuresYear) { return; }
    state.figures = answer;
    renderFigures();
  }

  function renderFigures() {
    const fig = state.figures;
    const pane = $('figures');
    if (!fig || !pane) { return; }
    pane.hidden = false;
    if (state.figuresAgency && !fig.rows.some((r) => r.agency === state.figuresAgency)) { state.figuresAgency = null; }
    pane.replaceChildren(text('h2', null, t('fig')));
    const bar = text('div', 'toolbar');
    const label = text('label', null, t('figYear') + ' ');
    const years = text('select');
    years.id = 'figures-year';
    for (let y = thisYear(); y >= thisYear() - 5; y--) {
      const o = text('option', null, String(y));
      o.value = String(y);
      o.selected = y === fig.year;
      years.appendChild(o);
    }
    years.addEventListener('change', () => showFigures(Number(years.value)));
    label.appendChild(years);
    bar.appendChild(label);
    [['figures-csv', 'figCsv', ''], ['figures-csv-months', 'figCsvMonths', '&by=month']].forEach(([id, key, by]) => {
      const b = text('button', 'download', t(key));
      b.type = 'button';
      b.id = id;
      b.addEventListener('click', () => downloadFigures(fig.year, by));
      bar.appendChild(b);
    });
    pane.appendChild(bar);
    pane.appendChild(text('p', 'hint', t('figHint')));
    const total = {};
    FIGURES.forEach((f) => { total[f] = fig.rows.reduce((sum, r) => sum + Number(r[f]), 0); });
    const rows = fig.rows.map((r) => ({ cells: [r.agency, r.region].concat(FIGURES.map((f) => cell(f, r[f]))) }));
    rows.push({ cls: 'total', cells: [t('figTotal'), ''].concat(FIGURES.map((f) => cell(f, total[f]))) });
    const scroll = text('div', 'scroll');
    const tbl = table([t('figAgencyCode'), t('figRegion')].concat(FIGURES.map((f) => t(f))), rows);
    tbl.id = 'figures-table';
    scroll.appendChild(tbl);
    pane.appendChild(scroll);
    const legend = text('div', 'legend');
    CHARTED.forEach((f, i) => {
      const item = text('span', null, t(f));
      item.prepend(text('i', 's' + i));
      legend.appendChild(item);
    });
    pane.appendChild(legend);
    const charts = text('div', 'charts');
    // Per month: the region's total, or one agency's months.
    const monthBox = text('div');
    const head = text('div', 'toolbar');
    head.appendChild(text('h3', null, t('figByMonth')));
    const pick = text('select');
    pick.id = 'figures-agency';
    const all = text('option', null, t('figAll'));
    all.value = '';
    pick.appendChild(all);
    fig.rows.forEach((r) => {
      const o = text('option', null, r.agency);
      o.value = r.agency;
      o.selected = r.agency === state.figuresAgency;
      pick.appendChild(o);
    });
    pick.addEventListener('change', () => { state.figuresAgency = pick.value; renderFigures(); });
    head.appendChild(pick);
    monthBox.appendChild(head);
    const chosen = fig.rows.filter((r) => !state.figuresAgency || r.agency === state.figuresAgency);
    const months = [];
    for (let m = 0; m < 12; m++) {
      const values = {};
      CHARTED.forEach((f) => { values[f] = chosen.reduce((sum, r) => sum + Number(r.months[m][f]), 0); });
      months.push({ key: fig.rows.length ? fig.rows[0].months[m].month : String(m + 1), label: t('figMonth')(m + 1), values });
    }
    monthBox.appendChild(barChart('figures-chart-months', months));
    charts.appendChild(monthBox);
    // Per agency: the year's figures of the agencies that have any.
    const agencyBox = text('div');
    agencyBox.appendChild(text('h3', null, t('figByAgency')));
    const agencies = fig.rows.filter((r) => CHARTED.some((f) => Number(r[f]) > 0))
      .map((r) => ({ key: r.agency, label: r.agency, values: Object.fromEntries(CHARTED.map((f) => [f, Number(r[f])])) }));
    if (!agencies.length) { agencyBox.appendChild(text('p', 'hint', t('figNone'))); } else {
      agencyBox.appendChild(barChart('figures-chart-agencies', agencies));
    }
    charts.appendChild(agencyBox);
    pane.appendChild(charts);
  }

  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, content) {
    const el = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach((k) => el.setAttribute(k, String(attrs[k])));
    if (content !== undefined) { el.textContent = content; }
    return el;
  }

  // Grouped bars, one group per entry and one bar per charted figure; every bar carries its
  // figure, group and value (data-*) and a tooltip, zero values draw no bar.
  function barChart(id, groups) {
    const width = 560; const height = 220; const left = 34; const bottom = 40; const top = 12;
    const plot = height - bottom - top;
    const max = Math.max(1, ...groups.map((g) => Math.max(...CHARTED.map((f) => g.values[f]))));
    const step = Math.max(1, Math.ceil(max / 4));
    const chart = svg('svg', { id, class: 'chart', viewBox: '0 0 ' + width + ' ' + height, role: 'img' });
    chart.appendChild(svg('title', {}, t('fig')));
    for (let v = 0; v <= max; v += step) {
      const y = top + plot - (v / max) * plot;
      chart.appendChild(svg('line', { class: 'grid', x1: left, x2: width - 4, y1: y, y2: y }));
      chart.appendChild(svg('text', { x: left - 4, y: y + 4, 'text-anchor': 'end' }, String(v)));
    }
    chart.appendChild(svg('line', { class: 'axis', x1: left, x2: width - 4, y1: top + plot, y2: top + plot }));
    const slot = (width - left - 4) / groups.length;
    const barWidth = Math.min(14, (slot - 6) / CHARTED.length);
    groups.forEach((g, i) => {
      const x0 = left + i * slot + (slot - barWidth * CHARTED.length) / 2;
      CHARTED.forEach((f, j) => {
        const v = g.values[f];
        if (v <= 0) { return; }
        const h = (v / max) * plot;
        const rect = svg('rect', { class: 'bar s' + j, x: x0 + j * barWidth, y: top + plot - h, width: barWidth - 1, height: h,
          'data-group': g.key, 'data-figure': f, 'data-value': v });
        rect.appendChild(svg('title', {}, g.label + ' · ' + t(f) + ': ' + v));
        chart.appendChild(rect);
        chart.appendChild(svg('text', { class: 'value', x: x0 + j * barWidth + barWidth / 2, y: top + plot - h - 2,
          'text-anchor': 'middle' }, String(v)));
      });
      const labelAttrs = { x: left + i * slot + slot / 2, y: top + plot + 14, 'text-anchor': 'middle' };
      if (groups.length > 12) {
        labelAttrs['text-anchor'] = 'end';
        labelAttrs.transform = 'rotate(-35 ' + labelAttrs.x + ' ' + labelAttrs.y + ')';
      }
      chart.appendChild(svg('text', labelAttrs, g.label));
    });
    return chart;
  }

  // The API needs the bearer token, so the CSV is fetched and handed to the browser as a Blob URL
  // (a download, not a navigation: the console's CSP needs nothing more for it).
  async function downloadFigures(year, by) {
    const response = await api('/api/v1/statistics?format=csv&year=' + year + by);
    if (!response.ok) { return; }
    const blob = await response.blob();
    const disposition = response.headers.get('Content-Disposition') || '';
    const name = (/filename="([^"]+)"/.exec(disposition) || [])[1] || 'statistics-' + year + '.csv';
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function signOut(message) {
    if (state.abort) { state.abort.abort(); }
    sessionStorage.removeItem('xianjie.token');
    state.token = null;
    state.figures = null; state.figuresAgency = null; $('figures').hidden = true;
    $('console').hidden = true; $('signin-panel').hidden = false; $('signout').hidden = true; $('who').textContent = '';
    setStatus('offline');
    if (message) { $('signin-error').textContent = message; $('signin-error').hidden = false; }
  }

  function setStatus(key) {
    const el = $('status');
    el.dataset.i18n = key; el.textContent = t(key);
    el.className = 'status ' + (key === 'live' ? 'on' : 'off');
  }

  // Server-sent events over fetch, resuming with Last-Event-ID after any break.
  async function connect() {
    if (!state.token) { return; }
    const controller = new AbortController();
    state.abort = controller;
    try {
      const headers = { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' };
      if (state.lastEventId !== null) { headers['Last-Event-ID'] = String(state.lastEventId); }
      const response = await fetch('/api/v1/notifications/stream', { headers, signal: controller.signal });
      if (response.status === 401) { signOut(t('badToken')); return; }
      if (!response.ok || !response.body) { throw new Error('stream ' + response.status); }
      setStatus('live');
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let event = { data: [] };
      for (;;) {
        const { value, done } = await reader.read();
        if (done) { break; }
        buffer += decoder.decode(value, { stream: true });
        let nl;
        while ((nl = buffer.search(/\r?\n/)) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(buffer[nl] === '\r' ? nl + 2 : nl + 1);
          if (line === '') {
            if (event.data.length) { onEvent(event); }
            event = { data: [] };
          } else if (line.startsWith(':')) {
            // heartbeat comment
          } else {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'data') { event.data.push(val); } else if (field === 'id') { event.id = val; } else if (field === 'event') { event.name = val; }
          }
        }
      }
    } catch (e) {
      if (controller.signal.aborted) { return; }
    }
    if (state.token && !controller.signal.aborted) {
      setStatus('reconnecting');
      setTimeout(connect, 2000);
    }
  }

  function onEvent(event) {
    if (event.id) { state.lastEventId = Number(event.id); }
    if (event.name && event.name !== 'notification') { return; }
    const n = JSON.parse(event.data.join('\n'));
    if (!state.items.has(n.id)) {
      n.fresh = true;
      if (!n.read) { state.unread += 1; }
    }
    state.items.set(n.id, n);
    render();
  }

  async function acknowledge(id) {
    const response = await api('/api/v1/notifications/' + id + '/ack', { method: 'POST' });
    if (response.ok) {
      const n = await response.json();
      const before = state.items.get(id);
      if (before && !before.read) { state.unread = Math.max(0, state.unread - 1); }
      state.items.set(id, n);
      render();
    }
  }

  function fmt(ts) {
    if (!ts) { return ''; }
    return new Date(ts).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
  }

  function text(tag, cls, content) {
    const el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (content !== undefined) { el.textContent = content; }
    return el;
  }

  function render() {
    const list = $('items');
    if (!list) { return; }
    const filter = $('filter').value;
    const items = Array.from(state.items.values()).sort((a, b) => b.seq - a.seq).filter((n) =>
      filter === 'all' || (filter === 'unread' ? !n.read : n.urgency === filter));
    list.replaceChildren();
    items.forEach((n) => {
      const li = text('li', 'item ' + (n.read ? 'read' : 'unread') + (n.urgency === 'URGENT' && !n.read ? ' urgent' : '')
        + (n.fresh ? ' fresh' : ''));
      li.dataset.id = n.id;
      li.appendChild(text('span', 'badge ' + n.urgency, t(n.urgency)));
      const title = text('span', 'title', state.lang === 'zh' ? n.title.zh : n.title.en);
      if (n.detail && n.detail.kind) { title.prepend(text('span', 'kind', t(n.detail.kind))); }
      li.appendChild(title);
      if (n.read) {
        li.appendChild(text('span', 'receipt', '✓ ' + t('readBy') + ' ' + n.read.by + ' ' + fmt(n.read.at)));
      } else {
        const b = text('button', 'ack', t('ack'));
        b.type = 'button';
        b.addEventListener('click', (e) => { e.stopPropagation(); acknowledge(n.id); });
        li.appendChild(b);
      }
      li.appendChild(text('span', 'meta', [n.caseNumber, n.step, fmt(n.createdAt)].filter(Boolean).join(' · ')));
      li.addEventListener('click', () => showTimeline(n));
      list.appendChild(li);
      n.fresh = false;
    });
    $('empty').hidden = items.length > 0;
    $('unread').textContent = String(state.unread);
  }

  // Where referral-service serves each kind of shared item (through the gateway, beside this console).
  const SHARING_PATHS = { BULLETIN: 'bulletins', CLUE: 'clues', CONSULTATION: 'consultations',
    EARLY_INTERVENTION: 'early-interventions', MEETING: 'meetings' };

  // A bulletin, clue, consultation, intervention or meeting: what the notification carries, and the
  // item itself when referral-service is reachable (addressees, limits, and the caller's next act).
  async function showSharing(n) {
    const pane = $('timeline');
    const d = n.detail;
    pane.replaceChildren(text('h2', null, t(d.kind) + ' · ' + (d.title || '')));
    pane.appendChild(text('p', 'parties', t('sender') + ': ' + d.sender + (d.text ? ' · ' + t('text') + ': ' + d.text : '')));
    const path = '/api/v1/' + SHARING_PATHS[d.kind] + '/' + d.itemId;
    let item = null;
    try {
      const response = await api(path);
      if (response.ok) { item = await response.json(); }
    } catch (e) { item = null; }
    if (!item) { return; }
    pane.appendChild(text('p', 'parties', t('itemState') + ': ' + (t(item.state) || item.state)
      + (item.linkedCaseId ? ' · ' + t('linkedCase') + ' ' + item.linkedCaseId : '')));
    pane.appendChild(text('h3', null, t('addressees')));
    pane.appendChild(table([t('agency'), t('itemState'), ''], item.addressees.map((a) => ({
      cells: [a.agency, t(a.state), a.readAt ? fmt(a.readAt) : (a.reply || '')] }))));
    if (item.deadlines.length) {
      pane.appendChild(text('h3', null, t('deadlines')));
      pane.appendChild(table([t('deadline'), t('responsible'), t('due'), ''], item.deadlines.map((l) => ({
        cls: l.overdue || l.breachedAt ? 'overdue' : '',
        cells: [l.description || l.code, l.responsibleAgency, fmt(l.dueAt),
          l.closedAt ? '✓' : (l.overdue ? '⚠ ' + t('overdue') : '')] }))));
    }
    const me = item.addressees.find((a) => a.agency === n.agency);
    const act = me && me.state === 'PENDING' && (d.kind === 'CLUE' ? ['accept', 'acceptClue']
      : d.kind === 'BULLETIN' ? ['read', 'readBulletin'] : null);
    if (act) {
      const b = text('button', 'ack act', t(act[1]));
      b.type = 'button';
      b.addEventListener('click', async () => {
        const r = await api(path + '/' + act[0], { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        if (r.ok) { showSharing(n); }
      });
      pane.appendChild(b);
    }
  }

  async function showTimeline(n) {
    state.selected = n;
    const pane = $('timeline');
    if (n.detail && n.detail.kind && SHARING_PATHS[n.detail.kind]) { return showSharing(n); }
    if (!n.referralId) { pane.replaceChildren(text('p', 'hint', t('noTimeline'))); return; }
    const response = await api('/api/v1/referrals/' + n.referralId + '/timeline');
    if (!response.ok) { pane.replaceChildren(text('p', 'hint', t('noTimeline'))); return; }
    const tl = await response.json();
    pane.replaceChildren();
    pane.appendChild(text('h2', null, (tl.caseNumber || '') + ' ' + (tl.caseTitle || '')));
    pane.appendChild(text('p', 'parties', t('state') + ': ' + tl.state + ' · ' + t('parties') + ': ' +
      ['agency', 'police', 'procuratorate', 'court'].filter((k) => tl.parties[k]).map((k) => t(k) + ' ' + tl.parties[k]).join(', ')));
    pane.appendChild(text('h3', null, t('deadlines')));
    if (!tl.deadlines.length) { pane.appendChild(text('p', 'hint', t('none'))); } else {
      const table = text('table');
      const head = text('tr');
      [t('deadline'), t('responsible'), t('due'), ''].forEach((h) => head.appendChild(text('th', null, h)));
      table.appendChild(head);
      tl.deadlines.forEach((d) => {
        const tr = text('tr', d.overdue ? 'overdue' : '');
        [d.description || d.code, d.responsibleAgency, fmt(d.dueAt), d.overdue ? '⚠ ' + t('overdue') : '']
          .forEach((v) => tr.appendChild(text('td', null, v || '')));
        table.appendChild(tr);
      });
      pane.appendChild(table);
    }
    pane.appendChild(text('h3', null, t('steps')));
    const ol = text('ol');
    tl.steps.forEach((s) => {
      const breach = /deadline-breached/.test(s.eventType);
      const label = s.step || (s.deadline ? (breach ? '⚠ ' : '') + (s.deadline.description || s.deadline.code) : s.eventType);
      // A step entered later than it happened shows both times.
      const entered = s.recordedAt && s.occurredAt && Date.parse(s.recordedAt) - Date.parse(s.occurredAt) > 60000
        ? ' (' + t('recorded') + ' ' + fmt(s.recordedAt) + ')' : '';
      ol.appendChild(text('li', breach ? 'breach' : '', fmt(s.occurredAt) + entered + ' · ' + label
        + (s.actorAgency ? ' · ' + s.actorAgency : '') + (s.reason ? ' · ' + s.reason : '')));
    });
    pane.appendChild(ol);
  }

  $('signin').addEventListener('click', () => signIn($('token').value));
  $('signout').addEventListener('click', () => signOut());
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('xianjie.lang', state.lang);
    applyLang();
  });
  $('filter').addEventListener('change', render);
  applyLang();
  if (state.token) { signIn(state.token); }
})();
