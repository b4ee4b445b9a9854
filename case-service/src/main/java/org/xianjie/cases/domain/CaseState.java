package org.xianjie.cases.domain;

/** Where an administrative case stands. */
public enum CaseState {
    /** 已立案 (administrative) */
    OPEN,
    /** 已作出行政处罚决定 */
    PENALTY_DECIDED,
    /** 已移送公安机关 */
    REFERRED,
    /** 退回行政机关处理 (by the police or the procuratorate) */
    RETURNED,
    /** 已结案 */
    CLOSED
}
