package org.xianjie.platform.identity;

/** The four kinds of party in 行刑衔接. */
public enum AgencyType {
    /** 行政执法机关: market regulation, IP office, customs, culture and tourism, agriculture, ... */
    ADMINISTRATIVE,
    /** 公安机关 */
    POLICE,
    /** 人民检察院 */
    PROCURATORATE,
    /** 人民法院 */
    COURT
}
