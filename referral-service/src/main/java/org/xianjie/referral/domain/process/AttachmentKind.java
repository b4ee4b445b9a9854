package org.xianjie.referral.domain.process;

/** Kinds of document attached to a step. */
public enum AttachmentKind {
    /** 涉嫌犯罪案件移送书 */
    REFERRAL_LETTER,
    /** 涉嫌犯罪案件情况的调查报告 */
    INVESTIGATION_REPORT,
    /** 涉案物品清单 */
    SEIZED_ITEMS_LIST,
    /** 检验报告 */
    INSPECTION_REPORT,
    /** 鉴定意见 (formerly 鉴定结论) */
    EXPERT_OPINION,
    /** 延长立案审查期限的批准文书 */
    EXTENSION_APPROVAL,
    /** 其他有关涉嫌犯罪的材料 */
    OTHER
}
