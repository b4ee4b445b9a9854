package org.xianjie.notification.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A notification as inboxes, the stream and webhooks show it. {@code id} is stable across
 * redeliveries (dedupe on it); {@code seq} orders an agency's notifications and is the stream's
 * event id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A notification (通知) in an agency's inbox")
public record NotificationView(
        UUID id,
        long seq,
        String agency,

        @Schema(description = "Only callers with this role see it (e.g. head); absent = whole agency")
        String role,

        @Schema(enumeration = {"INFO", "ACTION", "URGENT"}) String urgency,
        String eventType,
        String step,
        UUID referralId,
        UUID caseId,
        String caseNumber,
        Title title,
        JsonNode detail,
        UUID escalationOf,
        OffsetDateTime createdAt,
        Receipt read) {

    /** The title in Chinese and English. */
    public record Title(String zh, String en) {}

    /** 已读回执: who acknowledged the notification and when. */
    public record Receipt(String by, OffsetDateTime at) {}
}
