package org.xianjie.referral.domain.criminal;

import java.math.BigDecimal;

/**
 * 罚款折抵罚金 (Decree 310 art. 11, Administrative Penalty Law art. 35): a fine the agency imposed
 * before the referral is set off against the criminal fine the court imposes for the same act. The
 * set-off never exceeds the criminal fine, and one administrative fine is set off once: what it
 * already covered for another defendant is no longer available.
 */
public final class FineSetOff {

    private FineSetOff() {}

    /** The part of the administrative fine set off against {@code criminalFine}, and the fine still due. */
    public record Result(BigDecimal setOff, BigDecimal fineDue) {}

    public static Result apply(BigDecimal criminalFine, BigDecimal administrativeFine, BigDecimal alreadySetOff) {
        BigDecimal fine = nonNegative(criminalFine);
        BigDecimal available = nonNegative(administrativeFine)
                .subtract(nonNegative(alreadySetOff))
                .max(BigDecimal.ZERO);
        BigDecimal setOff = available.min(fine);
        return new Result(setOff, fine.subtract(setOff));
    }

    private static BigDecimal nonNegative(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v.max(BigDecimal.ZERO);
    }
}
