package org.xianjie.referral.domain.sharing;

/** The kinds of item agencies share outside a referral. */
public enum SharingKind {
    /** 重大案件通报: a case marked major, told to the agencies that must know. */
    BULLETIN,
    /** 线索通报: a clue sent to other agencies, in any region. */
    CLUE,
    /** 案件咨询: a question to the police or procuratorate about a case still under investigation. */
    CONSULTATION,
    /** 提前介入: the procuratorate guiding evidence collection in a case the police filed. */
    EARLY_INTERVENTION,
    /** 联席会议: a joint meeting with its minutes, decisions and follow-up tasks. */
    MEETING
}
