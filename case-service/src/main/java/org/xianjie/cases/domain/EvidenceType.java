package org.xianjie.cases.domain;

/** Kinds of evidence (证据种类) an agency records. */
public enum EvidenceType {
    /** 书证 */
    DOCUMENT,
    /** 物证 (photographed or sampled) */
    PHYSICAL,
    /** 视听资料 */
    AUDIO_VISUAL,
    /** 电子数据 */
    ELECTRONIC_DATA,
    /** 证人证言 / 当事人陈述 */
    STATEMENT,
    /** 检验报告 */
    INSPECTION_REPORT,
    /** 鉴定意见 */
    EXPERT_OPINION,
    /** 勘验笔录 / 现场笔录 */
    ON_SITE_RECORD,
    OTHER
}
