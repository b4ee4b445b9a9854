package org.xianjie.cases.api;

import org.xianjie.cases.persistence.TimelineRecord;

import java.time.OffsetDateTime;

/** One entry of a case's timeline. */
public record TimelineEntryView(OffsetDateTime occurredAt, String agency, String user, String action,
                                String summary, String eventType, String eventId) {

    public static TimelineEntryView of(TimelineRecord t) {
        return new TimelineEntryView(t.occurredAt, t.actorAgency, t.actorUser, t.action, t.summary, t.eventType,
                t.eventId);
    }
}
