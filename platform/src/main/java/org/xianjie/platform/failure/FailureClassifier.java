package org.xianjie.platform.failure;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.xianjie.platform.inbox.InvalidEventException;
import org.xianjie.platform.problem.ProblemException;

/**
 * Tells an infrastructure failure (the database or broker is away, slow or busy: retrying later
 * will succeed) from a failure of the record or request itself (retrying can never succeed).
 *
 * <p>Consumers retry the first kind with backoff for as long as it lasts, holding the partition's
 * order, and dead-letter only the second; the REST layer answers the first with 503. Anything not
 * recognised as infrastructure counts as permanent, so a programming error dead-letters the record
 * (replayable after the fix) instead of blocking its partition forever.
 */
public final class FailureClassifier {

    public enum Kind {
        INFRASTRUCTURE,
        PERMANENT
    }

    /**
     * SQLSTATEs that say nothing about the statement: connection exceptions (class 08), insufficient
     * resources (53), operator intervention such as a terminated backend or a server shutting down
     * (57P01-57P03, 57014 query cancelled by a statement timeout), serialization failure (40001),
     * deadlock (40P01), lock not available (55P03).
     */
    private static final Set<String> TRANSIENT_STATES =
            Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03");

    /** Words of the Vert.x and Hibernate Reactive messages for a lost or unobtainable connection. */
    private static final String[] CONNECTION_WORDS = {
        "connection refused",
        "connection is closed",
        "connection closed",
        "connection reset",
        "pool closed",
        "closed connection",
        "failed to connect",
        "timeout",
        "timed out",
        "not currently accepting connections",
        "the database system is starting up",
        "the database system is shutting down",
        "broken pipe"
    };

    private FailureClassifier() {}

    public static Kind classify(Throwable failure) {
        return isInfrastructure(failure) ? Kind.INFRASTRUCTURE : Kind.PERMANENT;
    }

    /** True when anything in the cause chain shows the infrastructure, not the input, failed. */
    public static boolean isInfrastructure(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof InvalidEventException || t instanceof ProblemException) {
                // The record or request itself is wrong, whatever the message happens to mention.
                return false;
            }
            if (isInfrastructureItself(t)) {
                return true;
            }
        }
        return false;
    }

    /** The reason to record with a dead-lettered record or a log line: the innermost message. */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        while (root.getCause() != null && seen.put(root, Boolean.TRUE) == null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static boolean isInfrastructureItself(Throwable t) {
        if (t instanceof PgException pg) {
            return isTransientState(pg.getSqlState())
                    || "FATAL".equals(pg.getSeverity())
                    || "PANIC".equals(pg.getSeverity());
        }
        if (t instanceof ConnectException
                || t instanceof SocketException
                || t instanceof ClosedChannelException
                || t instanceof TimeoutException
                || t instanceof java.net.SocketTimeoutException
                || t instanceof java.net.UnknownHostException) {
            return true;
        }
        if (t instanceof RetriableException
                || t instanceof org.apache.kafka.common.errors.TimeoutException
                || t instanceof org.apache.kafka.common.errors.DisconnectException) {
            return true;
        }
        String name = t.getClass().getSimpleName();
        if (name.contains("Timeout")
                || name.equals("ClosedConnectionException")
                || name.equals("NoStackTraceTimeoutException")
                || name.contains("ConnectionClosed")) {
            return true;
        }
        if (t instanceof IOException && !(t.getClass().getName().startsWith("com.fasterxml"))) {
            return true;
        }
        String message = t.getMessage();
        if (message != null && !(t instanceof IllegalArgumentException)) {
            String lower = message.toLowerCase(Locale.ROOT);
            for (String word : CONNECTION_WORDS) {
                if (lower.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a SQLSTATE is one that a later attempt of the same statement can succeed after. */
    public static boolean isTransientState(String sqlState) {
        if (sqlState == null) {
            return false;
        }
        return sqlState.startsWith("08") || sqlState.startsWith("53") || TRANSIENT_STATES.contains(sqlState);
    }
}
