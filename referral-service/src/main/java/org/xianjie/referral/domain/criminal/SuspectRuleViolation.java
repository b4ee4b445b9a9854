package org.xianjie.referral.domain.criminal;

/** A step names a suspect it cannot decide for; {@code field} is the request field at fault. */
public final class SuspectRuleViolation extends RuntimeException {

    private final String field;

    public SuspectRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
