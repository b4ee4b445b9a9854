package org.xianjie.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xianjie.notification.persistence.NotificationStore;
import org.xianjie.notification.persistence.NotificationView;
import org.xianjie.platform.identity.Caller;

/**
 * Fans notifications out to open streams. Replay and live delivery are one path: on each signal
 * for an agency the hub reads that agency's rows after the lowest position of its subscribers
 * and offers them in sequence order; each subscriber skips what it already has. So a resumed
 * stream gets exactly the rows after its Last-Event-ID, then live ones, with no gap or double.
 * One read per agency runs at a time; a signal during it causes another.
 */
@ApplicationScoped
public class StreamHub {

    private static final Logger LOG = Logger.getLogger(StreamHub.class);
    private static final int BATCH = 200;

    private final NotificationStore store;
    private final ObjectMapper mapper;
    private final int maxPending;
    private final long stallNanos;
    private final Map<String, AgencyChannel> channels = new ConcurrentHashMap<>();

    public StreamHub(
            NotificationStore store,
            ObjectMapper mapper,
            NotificationSignals signals,
            MeterRegistry registry,
            @ConfigProperty(name = "xianjie.stream.max-pending") int maxPending,
            @ConfigProperty(name = "xianjie.stream.stall-timeout") java.time.Duration stallTimeout) {
        this.store = store;
        this.mapper = mapper;
        this.maxPending = maxPending;
        this.stallNanos = stallTimeout.toNanos();
        signals.onNotification(this::wake);
        registry.gauge(
                "xianjie.stream.subscribers",
                channels,
                m -> m.values().stream().mapToInt(c -> c.subscribers.size()).sum());
    }

    /** Opens a stream for the caller from {@code position} (the Last-Event-ID, or the current end). */
    public void subscribe(Caller caller, long position, SseEventSink sink, Sse sse) {
        StreamSubscriber subscriber = new StreamSubscriber(
                caller.agencyCode(), Set.copyOf(caller.roles()), position, sink, sse, maxPending, stallNanos);
        subscriber.hello();
        channels.computeIfAbsent(caller.agencyCode(), AgencyChannel::new)
                .subscribers
                .add(subscriber);
        wake(caller.agencyCode());
    }

    public void wake(String agency) {
        AgencyChannel channel = channels.get(agency);
        if (channel != null) {
            channel.wake();
        }
    }

    @Scheduled(every = "${xianjie.stream.heartbeat}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeatAndPoll() {
        for (AgencyChannel channel : channels.values()) {
            channel.subscribers.removeIf(StreamSubscriber::isClosed);
            channel.subscribers.forEach(StreamSubscriber::heartbeat);
            // A poll as well: covers a signal lost while the LISTEN connection was down.
            channel.wake();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        channels.values().forEach(c -> c.subscribers.forEach(StreamSubscriber::close));
    }

    private final class AgencyChannel {
        final String agency;
        final Set<StreamSubscriber> subscribers = new CopyOnWriteArraySet<>();
        final AtomicBoolean running = new AtomicBoolean();
        final AtomicBoolean again = new AtomicBoolean();

        AgencyChannel(String agency) {
            this.agency = agency;
        }

        void wake() {
            again.set(true);
            if (running.compareAndSet(false, true)) {
                read();
            }
        }

        private void read() {
            again.set(false);
            subscribers.removeIf(StreamSubscriber::isClosed);
            // Only those present when the read starts get its rows: a later joiner may sit before
            // 'from' and must get its earlier rows first, from the next read.
            List<StreamSubscriber> readers = List.copyOf(subscribers);
            long from =
                    readers.stream().mapToLong(StreamSubscriber::position).min().orElse(Long.MAX_VALUE);
            if (from == Long.MAX_VALUE) {
                finish(false);
                return;
            }
            store.after(agency, from, BATCH)
                    .subscribe()
                    .with(
                            rows -> {
                                deliver(readers, rows);
                                finish(rows.size() == BATCH);
                            },
                            failure -> {
                                LOG.warnf(
                                        "stream read for %s failed, next poll retries: %s", agency, failure.toString());
                                finish(false);
                            });
        }

        private void deliver(List<StreamSubscriber> readers, List<NotificationView> rows) {
            for (NotificationView row : rows) {
                String json = json(row);
                for (StreamSubscriber subscriber : readers) {
                    subscriber.offer(row, json);
                }
            }
        }

        private void finish(boolean more) {
            running.set(false);
            if (more || again.get()) {
                wake();
            }
        }
    }

    private String json(NotificationView view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
