package org.xianjie.notification.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One credit feed event and the state of its delivery to the credit-sharing platform. */
public record CreditFeedDeliveryView(
        long id,
        UUID eventId,
        String eventType,
        UUID caseId,
        String decisionNumber,
        int decisionVersion,
        String status,
        int attempts,
        Integer lastStatus,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime deliveredAt) {}
