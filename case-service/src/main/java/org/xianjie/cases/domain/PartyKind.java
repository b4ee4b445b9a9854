package org.xianjie.cases.domain;

/** A party to an administrative case (当事人). */
public enum PartyKind {
    /** 自然人 */
    PERSON,
    /** 单位 (company or other organisation) */
    COMPANY
}
