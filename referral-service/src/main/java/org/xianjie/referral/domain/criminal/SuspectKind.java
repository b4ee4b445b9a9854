package org.xianjie.referral.domain.criminal;

/** 自然人 or 单位 (a company may be a suspect of the IP crimes, Criminal Law art. 220). */
public enum SuspectKind {
    PERSON,
    COMPANY
}
