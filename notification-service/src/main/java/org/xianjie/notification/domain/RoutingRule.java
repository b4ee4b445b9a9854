package org.xianjie.notification.domain;

import java.util.List;

/**
 * Who must be told of one kind of event and with which bilingual title. Titles are templates:
 * {@code {case}} becomes the case number (or title), {@code {deadline}} the time limit concerned.
 * A rule with no routes is deliberate: the event concerns only the party that caused it.
 */
public record RoutingRule(String key, List<Route> routes, String titleZh, String titleEn) {

    public RoutingRule {
        routes = List.copyOf(routes);
    }
}
