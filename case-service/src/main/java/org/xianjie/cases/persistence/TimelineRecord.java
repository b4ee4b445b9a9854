package org.xianjie.cases.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a case's history: who did what, when, and the event that announced it. */
@Entity
@Table(name = "case_timeline")
public class TimelineRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    /** When the act happened. */
    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;
    /** When case-service recorded it. */
    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "actor_agency", nullable = false)
    public String actorAgency;

    @Column(name = "actor_user")
    public String actorUser;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String summary;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "event_id")
    public String eventId;
}
