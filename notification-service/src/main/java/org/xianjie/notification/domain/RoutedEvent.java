package org.xianjie.notification.domain;

import java.util.List;

/**
 * What routing needs to know of an incoming event: its type (and step, for referral steps), the
 * parties, who took the step ({@code actorAgency}, may be null), the agency responsible for the
 * deadline of a reminder or breach, and the labels the titles show. A shared item (bulletin, clue,
 * ...) adds its sender and addressees, and those an act added.
 */
public record RoutedEvent(
        String eventType,
        String step,
        Parties parties,
        String actorAgency,
        String responsibleAgency,
        String caseLabel,
        String deadlineLabel,
        String sender,
        List<String> addressees,
        List<String> newAddressees) {

    public RoutedEvent {
        addressees = addressees == null ? List.of() : List.copyOf(addressees);
        newAddressees = newAddressees == null ? List.of() : List.copyOf(newAddressees);
    }

    /** An event of a referral, case or lead: no sender or addressees. */
    public RoutedEvent(
            String eventType,
            String step,
            Parties parties,
            String actorAgency,
            String responsibleAgency,
            String caseLabel,
            String deadlineLabel) {
        this(
                eventType,
                step,
                parties,
                actorAgency,
                responsibleAgency,
                caseLabel,
                deadlineLabel,
                null,
                List.of(),
                List.of());
    }
}
