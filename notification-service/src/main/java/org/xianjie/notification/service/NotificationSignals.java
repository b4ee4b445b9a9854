package org.xianjie.notification.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.xianjie.platform.pg.PgNotifications;

/**
 * LISTENs on {@code xianjie_notification} (a trigger NOTIFYs the agency code at each insert's
 * commit), so every replica learns of notifications any replica wrote, within milliseconds.
 * Listeners also poll, which covers notifications lost while the connection was down.
 */
@ApplicationScoped
public class NotificationSignals {

    static final String CHANNEL = "xianjie_notification";

    private final PgNotifications notifications;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public NotificationSignals(PgNotifications notifications) {
        this.notifications = notifications;
    }

    /** {@code listener} receives the agency code of each new notification. */
    public void onNotification(Consumer<String> listener) {
        listeners.add(listener);
    }

    void start(@Observes StartupEvent event) {
        notifications.listen(CHANNEL, agency -> listeners.forEach(l -> l.accept(agency)));
    }
}
