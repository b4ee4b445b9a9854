package org.xianjie.referral.domain.criminal;

/** The suspect's part in the offence. */
public enum SuspectRole {
    /** 主犯 */
    PRINCIPAL,
    /** 从犯 */
    ACCOMPLICE,
    /** 单位犯罪的直接负责的主管人员或其他直接责任人员 */
    RESPONSIBLE_PERSON,
    /** 犯罪单位 */
    OFFENDING_UNIT,
    /** any other part */
    OTHER
}
