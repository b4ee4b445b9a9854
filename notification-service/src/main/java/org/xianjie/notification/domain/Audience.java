package org.xianjie.notification.domain;

/** Who a route addresses, in terms of the parties of a referral (or case, or lead). */
public enum Audience {
    /** 行政执法机关: the administrative agency that refers. */
    AGENCY,
    /** 公安机关 at the same level. */
    POLICE,
    /** 人民检察院 at the same level. */
    PROCURATORATE,
    /** 人民法院, once known. */
    COURT,
    /** The agency responsible for the time limit of a reminder or breach (责任机关). */
    RESPONSIBLE,
    /** Every party except the one that took the step. */
    ALL_PARTIES,
    /** The agency that sent a shared item (bulletin, clue, consultation, intervention, meeting). */
    SENDER,
    /** Every addressee of a shared item except the one that acted. */
    ADDRESSEES,
    /** The addressees this act added (a clue forwarded to them). */
    NEW_ADDRESSEES
}
