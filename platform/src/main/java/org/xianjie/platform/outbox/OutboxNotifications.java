package org.xianjie.platform.outbox;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * LISTENs on a PostgreSQL channel on a dedicated connection (pooled connections cannot hold a
 * LISTEN), reconnecting if the database restarts.
 */
@ApplicationScoped
public class OutboxNotifications {

    private static final Logger LOG = Logger.getLogger(OutboxNotifications.class);

    private final Vertx vertx;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    public OutboxNotifications(Vertx vertx,
                               @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                               @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                               @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public synchronized void listen(String channel, Runnable onNotify) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(channel).handler(payload -> onNotify.run());
        subscriber.connect().onFailure(e -> LOG.warnf("cannot LISTEN on %s yet, polling meanwhile: %s", channel, e));
    }

    @jakarta.annotation.PreDestroy
    synchronized void close() {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
