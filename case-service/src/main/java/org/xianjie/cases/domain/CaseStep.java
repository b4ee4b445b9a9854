package org.xianjie.cases.domain;

import java.util.Locale;

/** What an agency can do to its own case; the names are the path segments of the REST actions. */
public enum CaseStep {
    /** Record or correct facts, amounts and parties. */
    RECORD_FACTS,
    /** Record an evidence item (证据). */
    ADD_EVIDENCE,
    /** Record the penalty decision (行政处罚决定). */
    DECIDE_PENALTY,
    /** Revoke the penalty decision (行政处罚决定的撤销), with reasons. */
    REVOKE_PENALTY,
    /** Close the case (结案). */
    CLOSE;

    /** e.g. {@code decide-penalty}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
