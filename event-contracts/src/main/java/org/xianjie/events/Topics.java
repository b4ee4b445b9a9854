package org.xianjie.events;

/**
 * Kafka topics of the suite: one per producing service and stream, keyed by case id so that every
 * event of a case is ordered. Dead-letter topics are per consuming service.
 */
public final class Topics {
    /** Administrative case events, produced by case-service. */
    public static final String CASE_EVENTS = "xianjie.case.events";
    /** Referral process, deadline and lead events, produced by referral-service. */
    public static final String REFERRAL_EVENTS = "xianjie.referral.events";
    /** Signed checkpoints of the tamper-evident case records, keyed by issuing service, kept without limit. */
    public static final String INTEGRITY_CHECKPOINTS = "xianjie.integrity.checkpoints";

    private Topics() {}

    /** The dead-letter topic of a consuming service, e.g. {@code xianjie.referral-service.dlq}. */
    public static String deadLetter(String consumerService) {
        return "xianjie." + consumerService + ".dlq";
    }
}
