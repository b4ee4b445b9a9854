package org.xianjie.cases.service.command.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An online count (downloads, clicks, members, works): not negative, at most 10^12, since a pirate
 * site's clicks can pass the 10^9 that bounds counts of physical things.
 */
@Min(value = 0, message = "must not be negative")
@Max(value = 1_000_000_000_000L, message = "must not exceed 1000000000000")
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface LargeCount {
    String message() default "invalid count";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
