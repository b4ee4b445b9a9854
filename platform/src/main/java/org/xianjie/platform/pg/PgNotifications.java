package org.xianjie.platform.pg;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * LISTENs on PostgreSQL channels of the service's own database, each on a dedicated connection
 * (pooled connections cannot hold a LISTEN), reconnecting every second while the database is away.
 * A notification can be lost while the connection is down, so every listener also polls.
 */
@ApplicationScoped
public class PgNotifications {

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);

    private final Vertx vertx;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final List<PgSubscriber> subscribers = new ArrayList<>();

    public PgNotifications(
            Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** Calls {@code onPayload} with the payload of each NOTIFY on {@code channel}. */
    public synchronized void listen(String channel, Consumer<String> onPayload) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(channel).handler(onPayload::accept);
        subscriber.connect().onFailure(e -> LOG.warnf("cannot LISTEN on %s yet, polling meanwhile: %s", channel, e));
        subscribers.add(subscriber);
    }

    @PreDestroy
    synchronized void close() {
        subscribers.forEach(PgSubscriber::close);
        subscribers.clear();
    }
}
