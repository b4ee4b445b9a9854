package org.xianjie.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.xianjie.notification.domain.Urgency;
import org.xianjie.notification.persistence.NotificationStore;
import org.xianjie.notification.persistence.NotificationView;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.problem.ProblemException;

/** The inbox of the caller's agency (and roles): list, read, acknowledge. Others' items are 404. */
@ApplicationScoped
public class InboxService {

    private final NotificationStore store;

    public InboxService(NotificationStore store) {
        this.store = store;
    }

    public Uni<NotificationPage> list(Caller caller, boolean unreadOnly, String urgency, String cursor, int limit) {
        String level = urgency == null || urgency.isBlank() ? null : parseUrgency(urgency);
        Long before = parseCursor("cursor", cursor);
        if (limit < 1 || limit > 200) {
            throw ProblemException.badRequest("limit", "must be between 1 and 200");
        }
        return store.list(caller.agencyCode(), caller.roles(), unreadOnly, level, before, limit)
                .chain(items -> store.unreadCount(caller.agencyCode(), caller.roles())
                        .map(unread -> new NotificationPage(
                                items,
                                items.size() == limit
                                        ? Long.toString(
                                                items.get(items.size() - 1).seq())
                                        : null,
                                unread)));
    }

    public Uni<NotificationView> get(Caller caller, UUID id) {
        return store.find(caller.agencyCode(), caller.roles(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("notification", id)));
    }

    public Uni<NotificationView> acknowledge(Caller caller, UUID id) {
        return store.acknowledge(caller.agencyCode(), caller.roles(), id, caller.user())
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("notification", id)));
    }

    /** A Last-Event-ID (or cursor): a non-negative sequence number, or a 400 naming the field. */
    public static Long parseCursor(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(value.strip());
            if (seq < 0) {
                throw ProblemException.badRequest(field, "must be a non-negative number");
            }
            return seq;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, "must be a number from a previous page or event");
        }
    }

    private static String parseUrgency(String value) {
        try {
            return Urgency.valueOf(value.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("urgency", "must be one of " + List.of(Urgency.values()));
        }
    }
}
