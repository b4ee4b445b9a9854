package org.xianjie.notification.domain;

import java.math.BigDecimal;
import org.xianjie.events.CaseSnapshot;

/**
 * Which penalty decisions the credit feed publishes (行政处罚决定公开). 行政处罚法 art. 48 makes public
 * the decisions "具有一定社会影响的"; the suite reads that as every recorded decision with a fine or a
 * confiscation (a warning alone is not pushed), or, if the operator so configures, every decision.
 * A decision needs its number (文号) to be published at all.
 */
public record CreditPublicity(boolean everyDecision) {

    public boolean isPublic(CaseSnapshot.Penalty penalty) {
        if (penalty == null
                || penalty.decisionNumber() == null
                || penalty.decisionNumber().isBlank()
                || penalty.decisionDate() == null) {
            return false;
        }
        return everyDecision || positive(penalty.fine()) || positive(penalty.confiscation());
    }

    private static boolean positive(BigDecimal amount) {
        return amount != null && amount.signum() > 0;
    }
}
