package org.xianjie.notification.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.xianjie.events.ReferralSnapshot;
import org.xianjie.notification.domain.RoutedEvent;

/**
 * An incoming event read for notification: what routing needs, what every notification of it
 * carries (ids, case number, {@code detail} shown to clients) and, for referral events, the
 * snapshot that updates the referral timeline.
 */
public record Interpretation(
        RoutedEvent routed,
        String eventSource,
        String eventId,
        String step,
        UUID referralId,
        UUID caseId,
        String caseNumber,
        ObjectNode detail,
        ReferralSnapshot referral) {}
