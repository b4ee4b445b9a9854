package org.xianjie.notification.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Stable notification ids: a name-based UUID of the event's source and id and the recipient, so
 * the same event redelivered yields the same id and clients (stream, webhooks) can dedupe on it.
 */
public final class NotificationIds {

    private NotificationIds() {}

    public static UUID of(String eventSource, String eventId, String agency, String role) {
        String name =
                "xianjie-notification|" + eventSource + "|" + eventId + "|" + agency + "|" + Objects.toString(role, "");
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the escalation of notification {@code original} to {@code agency}/{@code role}. */
    public static UUID escalation(UUID original, String agency, String role) {
        return of("escalation", original.toString(), agency, role);
    }
}
