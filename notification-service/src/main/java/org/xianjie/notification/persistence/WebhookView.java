package org.xianjie.notification.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A registered endpoint; {@code secret} appears only in the answer to its registration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        UUID id,
        String agency,
        String url,
        List<String> eventTypes,
        String description,
        OffsetDateTime createdAt,
        String createdBy,
        String secret) {}
