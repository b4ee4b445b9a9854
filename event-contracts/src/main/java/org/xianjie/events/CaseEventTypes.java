package org.xianjie.events;

import java.util.List;

/**
 * Event types produced by case-service on {@link Topics#CASE_EVENTS}. Each carries a
 * {@link CaseSnapshot} as its data, so consumers need no call back to case-service.
 * Types are versioned by suffix; a breaking change gets a new suffix, not a new meaning.
 */
public final class CaseEventTypes {
    private static final String PREFIX = "org.xianjie.case.";

    /** 立案 (administrative): the agency opened a case. */
    public static final String OPENED = PREFIX + "opened.v1";
    /** Facts and amounts recorded or corrected. */
    public static final String FACTS_RECORDED = PREFIX + "facts-recorded.v1";
    /** An evidence item (with its SHA-256 digest) was recorded. */
    public static final String EVIDENCE_ADDED = PREFIX + "evidence-added.v1";
    /** 行政处罚决定: the penalty decision was recorded. */
    public static final String PENALTY_DECIDED = PREFIX + "penalty-decided.v1";
    /**
     * 行政处罚决定的撤销: the recording agency revoked its penalty decision (on reconsideration,
     * litigation or its own review); the snapshot still carries the decision, with its
     * {@code revocation}.
     */
    public static final String PENALTY_REVOKED = PREFIX + "penalty-revoked.v1";
    /** The case was closed. */
    public static final String CLOSED = PREFIX + "closed.v1";
    /** The case's state followed the referral process (referred, returned). */
    public static final String REFERRAL_STATUS_CHANGED = PREFIX + "referral-status-changed.v1";

    public static final List<String> ALL = List.of(
            OPENED, FACTS_RECORDED, EVIDENCE_ADDED, PENALTY_DECIDED, PENALTY_REVOKED, CLOSED, REFERRAL_STATUS_CHANGED);

    private CaseEventTypes() {}
}
