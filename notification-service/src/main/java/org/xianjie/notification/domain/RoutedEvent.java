package org.xianjie.notification.domain;

/**
 * What routing needs to know of an incoming event: its type (and step, for referral steps), the
 * parties, who took the step ({@code actorAgency}, may be null), the agency responsible for the
 * deadline of a reminder or breach, and the labels the titles show.
 */
public record RoutedEvent(String eventType, String step, Parties parties, String actorAgency,
                          String responsibleAgency, String caseLabel, String deadlineLabel) {
}
