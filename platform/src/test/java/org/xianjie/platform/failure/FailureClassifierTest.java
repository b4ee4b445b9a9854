package org.xianjie.platform.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.xianjie.platform.inbox.InvalidEventException;
import org.xianjie.platform.problem.ProblemException;

class FailureClassifierTest {

    private static PgException pg(String severity, String state, String message) {
        return new PgException(message, severity, state, null);
    }

    @Test
    void databaseUnavailableIsInfrastructure() {
        assertTrue(FailureClassifier.isInfrastructure(
                new ConnectException("Connection refused: localhost/127.0.0.1:5432")));
        assertTrue(FailureClassifier.isInfrastructure(
                pg("FATAL", "55000", "database \"x\" is not currently accepting connections")));
        assertTrue(FailureClassifier.isInfrastructure(
                pg("FATAL", "57P01", "terminating connection due to administrator command")));
        assertTrue(FailureClassifier.isInfrastructure(pg("ERROR", "08006", "connection failure")));
        assertTrue(FailureClassifier.isInfrastructure(pg("ERROR", "53300", "too many connections")));
        assertTrue(FailureClassifier.isInfrastructure(pg("FATAL", "57P03", "the database system is starting up")));
        assertTrue(FailureClassifier.isInfrastructure(new IllegalStateException("Connection is closed")));
    }

    @Test
    void conflictsBetweenTransactionsAndTimeoutsAreInfrastructure() {
        assertTrue(FailureClassifier.isInfrastructure(pg("ERROR", "40001", "could not serialize access")));
        assertTrue(FailureClassifier.isInfrastructure(pg("ERROR", "40P01", "deadlock detected")));
        assertTrue(FailureClassifier.isInfrastructure(
                pg("ERROR", "57014", "canceling statement due to statement timeout")));
        assertTrue(FailureClassifier.isInfrastructure(new TimeoutException()));
        assertTrue(
                FailureClassifier.isInfrastructure(new RuntimeException("Timeout waiting for connection from pool")));
    }

    @Test
    void brokerUnavailableIsInfrastructure() {
        assertTrue(FailureClassifier.isInfrastructure(new NetworkException("disconnected")));
        assertTrue(FailureClassifier.isInfrastructure(new org.apache.kafka.common.errors.TimeoutException("metadata")));
    }

    @Test
    void causesAreFollowedThroughWrappers() {
        assertTrue(FailureClassifier.isInfrastructure(
                new CompletionException(new RuntimeException("wrapped", new ConnectException("refused")))));
        assertEquals(
                FailureClassifier.Kind.INFRASTRUCTURE,
                FailureClassifier.classify(
                        new org.hibernate.HibernateException("session", pg("FATAL", "57P01", "terminated"))));
    }

    @Test
    void theRecordItselfIsPermanent() {
        assertFalse(FailureClassifier.isInfrastructure(new InvalidEventException("ce_id header missing")));
        // A poison record stays poison even when its message happens to mention a timeout.
        assertFalse(FailureClassifier.isInfrastructure(new InvalidEventException("field timeoutAt unreadable")));
        assertFalse(FailureClassifier.isInfrastructure(ProblemException.conflict("referral already sent")));
        assertFalse(FailureClassifier.isInfrastructure(new JsonParseException(null, "Unexpected character")));
        assertFalse(FailureClassifier.isInfrastructure(pg("ERROR", "23505", "duplicate key value")));
        assertFalse(FailureClassifier.isInfrastructure(pg("ERROR", "22001", "value too long")));
        assertFalse(FailureClassifier.isInfrastructure(new RecordTooLargeException("too large")));
        assertFalse(FailureClassifier.isInfrastructure(new NullPointerException()));
        assertEquals(FailureClassifier.Kind.PERMANENT, FailureClassifier.classify(new IllegalArgumentException("bad")));
    }

    @Test
    void reasonIsTheInnermostCause() {
        assertEquals(
                "ConnectException: refused",
                FailureClassifier.reason(new RuntimeException("outer", new ConnectException("refused"))));
    }
}
