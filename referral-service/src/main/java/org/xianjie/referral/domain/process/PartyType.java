package org.xianjie.referral.domain.process;

/** The four kinds of agency taking part in a referral. */
public enum PartyType {
    /** 行政执法机关 */
    ADMINISTRATIVE,
    /** 公安机关 */
    POLICE,
    /** 人民检察院 */
    PROCURATORATE,
    /** 人民法院 */
    COURT
}
