package org.xianjie.platform.deadletter;

/**
 * One record on a service's dead-letter topic: where it came from, why it failed, and whether an
 * operator already replayed it.
 */
public record DeadLetter(
        int dlqPartition,
        long dlqOffset,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String key,
        String eventId,
        String eventSource,
        String eventType,
        String reason,
        String cause,
        String exceptionClass,
        String deadLetteredAt,
        String value,
        boolean replayed) {}
