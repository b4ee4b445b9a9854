package org.xianjie.events;

/** CloudEvents {@code source} values of the suite's producers. */
public final class EventSources {
    public static final String CASE_SERVICE = "/xianjie/case-service";
    public static final String REFERRAL_SERVICE = "/xianjie/referral-service";

    private EventSources() {}

    /** Source of an event an agency system posted itself: the agency's own namespace. */
    public static String agency(String agencyCode) {
        return "/agencies/" + agencyCode;
    }
}
