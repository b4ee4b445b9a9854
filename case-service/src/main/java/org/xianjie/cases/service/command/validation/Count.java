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

/** A count of things (copies, marks): not negative, at most 10^9. */
@Min(value = 0, message = "must not be negative")
@Max(value = 1_000_000_000, message = "must not exceed 1000000000")
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface Count {
    String message() default "invalid count";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
