package org.xianjie.referral.domain.sharing;

/** Where one addressee stands with a shared item. */
public enum AddresseeState {
    /** Delivered, not yet acted on. */
    PENDING,
    /** 已阅: the bulletin was read (read receipt). */
    READ,
    /** 接收: the clue was accepted for handling. */
    ACCEPTED,
    /** 不予接收: the clue was declined with reasons. */
    DECLINED,
    /** 转交: the clue was passed to another agency. */
    FORWARDED,
    /** 立案: a case was opened from the clue. */
    CASE_OPENED,
    /** 已答复: the consultation or early intervention was answered. */
    ANSWERED;

    /** Whether the addressee has already given its reply (a clue reply or an answer). */
    public boolean replied() {
        return this == DECLINED || this == FORWARDED || this == CASE_OPENED || this == ANSWERED;
    }
}
