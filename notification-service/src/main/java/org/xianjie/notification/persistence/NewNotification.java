package org.xianjie.notification.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A notification to store; its per-agency sequence number is allocated on insert. */
public record NewNotification(
        UUID id,
        String agency,
        String role,
        String urgency,
        String eventType,
        String eventSource,
        String eventId,
        String step,
        UUID referralId,
        UUID caseId,
        String caseNumber,
        String titleZh,
        String titleEn,
        JsonNode detail,
        UUID escalationOf,
        OffsetDateTime createdAt) {}
