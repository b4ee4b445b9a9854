package org.xianjie.notification.service;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.xianjie.notification.persistence.NotificationView;

/**
 * One open stream: the agency's notifications after {@link #position()} that the caller's roles
 * may see. Sends never wait. A subscriber is slow, and closed so that it cannot hold the others up
 * (its client resumes with Last-Event-ID), when it owes more than {@code maxPending} events and
 * none of its writes has completed for {@code stallNanos}, or when it owes a hard ceiling of
 * events that bounds the memory one stream may hold. Owing events alone does not make it slow:
 * under CPU load the server's own event loop completes writes late, and the benchmark saw a
 * client that read every byte at once closed at 150 events per second by a bare count.
 */
final class StreamSubscriber {

    /** How many times {@code maxPending} a stream may owe however recently it progressed. */
    static final int HARD_CEILING_FACTOR = 16;

    private final String agency;
    private final Set<String> roles;
    private final SseEventSink sink;
    private final Sse sse;
    private final int maxPending;
    private final long stallNanos;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long lastProgress = System.nanoTime();
    private volatile long position;
    private volatile boolean closed;

    StreamSubscriber(
            String agency,
            Set<String> roles,
            long position,
            SseEventSink sink,
            Sse sse,
            int maxPending,
            long stallNanos) {
        this.agency = agency;
        this.roles = roles;
        this.position = position;
        this.sink = sink;
        this.sse = sse;
        this.maxPending = maxPending;
        this.stallNanos = stallNanos;
    }

    String agency() {
        return agency;
    }

    long position() {
        return position;
    }

    boolean isClosed() {
        return closed || sink.isClosed();
    }

    /** Called in sequence order by the hub; rows at or before the position were sent already. */
    void offer(NotificationView view, String json) {
        if (view.seq() <= position || isClosed()) {
            return;
        }
        position = view.seq();
        if (view.role() != null && !roles.contains(view.role())) {
            return;
        }
        send(sse.newEventBuilder()
                .id(Long.toString(view.seq()))
                .name("notification")
                .data(json)
                .build());
    }

    void heartbeat() {
        send(sse.newEventBuilder().comment("heartbeat").build());
    }

    void hello() {
        send(sse.newEventBuilder().comment("connected").reconnectDelay(2_000).build());
    }

    private void send(OutboundSseEvent event) {
        if (isClosed()) {
            return;
        }
        if (isSlow(pending.incrementAndGet(), System.nanoTime())) {
            close();
            return;
        }
        try {
            sink.send(event).whenComplete((ok, failure) -> {
                pending.decrementAndGet();
                lastProgress = System.nanoTime();
                if (failure != null) {
                    close();
                }
            });
        } catch (RuntimeException e) {
            close();
        }
    }

    /** Whether a subscriber owing {@code owed} events at {@code now} is too slow to keep. */
    boolean isSlow(int owed, long now) {
        return owed > HARD_CEILING_FACTOR * maxPending || (owed > maxPending && now - lastProgress > stallNanos);
    }

    void close() {
        if (!closed) {
            closed = true;
            try {
                sink.close();
            } catch (RuntimeException ignored) {
                // already gone: the client disconnected
            }
        }
    }
}
