package org.xianjie.events;

import java.util.List;

/**
 * 联合奖惩 credit feed: CloudEvents notification-service POSTs to the configured credit-sharing
 * platform (HTTP, structured mode), not Kafka topics, so they are not in {@link EventTypes#all()}
 * (which is the registry of the suite's topics). Each carries a {@link CreditPenalty} as its data.
 */
public final class CreditFeedEventTypes {
    private static final String PREFIX = "org.xianjie.credit.";

    /** A penalty decision the law makes public (行政处罚法 art. 48) was published, decision version 1. */
    public static final String PENALTY_PUBLISHED = PREFIX + "penalty-published.v1";
    /** A published decision's fields changed; the data is the whole decision as it now stands. */
    public static final String PENALTY_CORRECTED = PREFIX + "penalty-corrected.v1";

    /**
     * A published decision was revoked by the agency that made it (行政处罚决定的撤销): its own type,
     * not a correction, so that a credit platform lifts the joint punishment instead of updating
     * it. The data is the decision as last published, with the next version and its revocation.
     */
    public static final String PENALTY_REVOKED = PREFIX + "penalty-revoked.v1";

    public static final List<String> ALL = List.of(PENALTY_PUBLISHED, PENALTY_CORRECTED, PENALTY_REVOKED);

    private CreditFeedEventTypes() {}
}
