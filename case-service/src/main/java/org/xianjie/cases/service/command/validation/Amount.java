package org.xianjie.cases.service.command.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A sum of money in yuan: not negative, at most 10^12, at most 2 decimal places (分). */
@DecimalMin(value = "0", message = "must not be negative")
@DecimalMax(value = "1000000000000", message = "must not exceed 1000000000000 (10^12 yuan)")
@Digits(integer = 13, fraction = 2, message = "must have at most 2 decimal places")
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {
    String message() default "invalid amount";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
