package org.xianjie.notification.domain;

/** How soon a recipient must look at a notification. Ordered: a later constant is more urgent. */
public enum Urgency {
    /** 知悉: for information. */
    INFO,
    /** 待办: the recipient must act (a time limit runs). */
    ACTION,
    /** 紧急: a time limit passed, or an urgent item was left unanswered. */
    URGENT;

    public Urgency max(Urgency other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
