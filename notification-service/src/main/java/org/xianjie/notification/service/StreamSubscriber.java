package org.xianjie.notification.service;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.xianjie.notification.persistence.NotificationView;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open stream: the agency's notifications after {@link #position()} that the caller's roles
 * may see. Sends never wait: a subscriber owing more than {@code maxPending} unsent events is
 * closed so that it cannot hold the others up; its client resumes with Last-Event-ID.
 */
final class StreamSubscriber {

    private final String agency;
    private final Set<String> roles;
    private final SseEventSink sink;
    private final Sse sse;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long position;
    private volatile boolean closed;

    StreamSubscriber(String agency, Set<String> roles, long position, SseEventSink sink, Sse sse, int maxPending) {
        this.agency = agency;
        this.roles = roles;
        this.position = position;
        this.sink = sink;
        this.sse = sse;
        this.maxPending = maxPending;
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
        send(sse.newEventBuilder().id(Long.toString(view.seq())).name("notification").data(json).build());
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
        if (pending.incrementAndGet() > maxPending) {
            close();
            return;
        }
        try {
            sink.send(event).whenComplete((ok, failure) -> {
                pending.decrementAndGet();
                if (failure != null) {
                    close();
                }
            });
        } catch (RuntimeException e) {
            close();
        }
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
