package org.xianjie.notification.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * LISTENs on {@code xianjie_notification} (a trigger NOTIFYs the agency code at each insert's
 * commit), so every replica learns of notifications any replica wrote, within milliseconds.
 * Listeners also poll, which covers notifications lost while the connection was down.
 */
@ApplicationScoped
public class NotificationSignals {

    static final String CHANNEL = "xianjie_notification";
    private static final Logger LOG = Logger.getLogger(NotificationSignals.class);

    private final Vertx vertx;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private PgSubscriber subscriber;

    public NotificationSignals(Vertx vertx,
                               @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                               @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                               @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** {@code listener} receives the agency code of each new notification. */
    public void onNotification(Consumer<String> listener) {
        listeners.add(listener);
    }

    synchronized void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(CHANNEL).handler(agency -> listeners.forEach(l -> l.accept(agency)));
        subscriber.connect().onFailure(e -> LOG.warnf("cannot LISTEN on %s yet, polling meanwhile: %s", CHANNEL, e));
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
