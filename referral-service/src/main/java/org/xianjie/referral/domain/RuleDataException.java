package org.xianjie.referral.domain;

/**
 * Rule data (calendar, time limits, thresholds) is malformed or incomplete.
 *
 * <p>Thrown at load time, never during a computation: a service that starts with bad rule data
 * must fail fast rather than count deadlines or raise leads from half a table.
 */
public class RuleDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RuleDataException(String message) {
        super(message);
    }

    public RuleDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
