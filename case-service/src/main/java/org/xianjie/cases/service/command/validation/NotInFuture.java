package org.xianjie.cases.service.command.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date not after today in Beijing time (Asia/Shanghai), or a timestamp not after now (with a
 * minute of clock skew), whatever the server's time zone.
 */
@Constraint(validatedBy = {NotInFutureValidators.ForDate.class, NotInFutureValidators.ForTimestamp.class})
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotInFuture {
    String message() default "must not be in the future (Asia/Shanghai)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
