package org.xianjie.notification.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One webhook delivery with its attempts (the delivery log); status PENDING, DELIVERED or DEAD. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(
        long id,
        UUID endpointId,
        UUID notificationId,
        String eventType,
        String status,
        int attempts,
        Integer lastStatus,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime deliveredAt,
        List<Attempt> log) {

    public record Attempt(int attempt, OffsetDateTime at, Integer statusCode, String error, long durationMs) {}
}
