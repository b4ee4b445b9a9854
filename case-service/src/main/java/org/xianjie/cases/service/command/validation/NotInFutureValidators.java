package org.xianjie.cases.service.command.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.xianjie.cases.domain.ShanghaiClock;

/** Validators of {@link NotInFuture}. */
public final class NotInFutureValidators {

    private static final Duration SKEW = Duration.ofMinutes(1);

    private NotInFutureValidators() {}

    public static class ForDate implements ConstraintValidator<NotInFuture, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isAfter(ShanghaiClock.today());
        }
    }

    public static class ForTimestamp implements ConstraintValidator<NotInFuture, OffsetDateTime> {
        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            return value == null || !value.isAfter(OffsetDateTime.now().plus(SKEW));
        }
    }
}
