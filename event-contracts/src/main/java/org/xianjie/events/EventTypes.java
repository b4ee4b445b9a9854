package org.xianjie.events;

import java.util.List;
import java.util.stream.Stream;

/**
 * The registry of every event type the suite produces. Each must have a data schema
 * ({@link EventSchemas}); EventSchemasTest checks it. A new event type is added to its producer's
 * types class and listed here, with its schema and a sample (see docs/events.md, "Adding an event
 * type").
 */
public final class EventTypes {

    private EventTypes() {}

    /** Every type, case-service's then referral-service's (its referral and information sharing types). */
    public static List<String> all() {
        return Stream.of(CaseEventTypes.ALL, ReferralEventTypes.ALL, SharingEventTypes.ALL, IntegrityEventTypes.ALL)
                .flatMap(List::stream)
                .toList();
    }
}
