package org.xianjie.notification.domain;

import java.util.List;

/**
 * Which event types a webhook endpoint wants: exact types, {@code *} for all, or a prefix ending
 * in {@code *} (e.g. {@code org.xianjie.referral.*}).
 */
public final class EventTypeFilter {

    private EventTypeFilter() {}

    public static boolean matches(List<String> patterns, String eventType) {
        for (String pattern : patterns) {
            if (pattern.equals("*")
                    || pattern.equals(eventType)
                    || (pattern.endsWith("*") && eventType.startsWith(pattern.substring(0, pattern.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** A pattern is valid if it is {@code *}, or a dotted type name optionally ending in {@code *}. */
    public static boolean isValidPattern(String pattern) {
        return pattern != null && pattern.matches("\\*|[a-z0-9][a-z0-9.\\-]{0,200}\\*?");
    }
}
