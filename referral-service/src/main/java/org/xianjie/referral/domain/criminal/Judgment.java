package org.xianjie.referral.domain.criminal;

import java.math.BigDecimal;

/**
 * 判决 for one defendant: the verdict, imprisonment and probation in months (拘役 and 有期徒刑 both
 * counted in months), the criminal fine (罚金), and how much of it the administrative fine already
 * paid covers (折抵, Decree 310 art. 11), leaving {@code fineDue}.
 */
public record Judgment(
        Verdict verdict,
        int imprisonmentMonths,
        int probationMonths,
        BigDecimal criminalFine,
        BigDecimal administrativeFineSetOff,
        BigDecimal fineDue) {}
