package org.xianjie.cases.api;

import java.time.OffsetDateTime;
import org.xianjie.cases.persistence.TimelineRecord;

/**
 * One entry of a case's timeline: {@code occurredAt} when the act happened, {@code recordedAt} when
 * it was entered, {@code entryDelay} the difference as an ISO-8601 duration.
 */
public record TimelineEntryView(
        OffsetDateTime occurredAt,
        String agency,
        String user,
        String action,
        String summary,
        String eventType,
        String eventId,
        OffsetDateTime recordedAt,
        String entryDelay) {

    public static TimelineEntryView of(TimelineRecord t) {
        java.time.Duration delay = java.time.Duration.between(t.occurredAt, t.recordedAt);
        return new TimelineEntryView(
                t.occurredAt,
                t.actorAgency,
                t.actorUser,
                t.action,
                t.summary,
                t.eventType,
                t.eventId,
                t.recordedAt,
                (delay.isNegative() ? java.time.Duration.ZERO : delay).toString());
    }
}
