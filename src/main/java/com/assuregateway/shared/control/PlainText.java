package com.assuregateway.shared.control;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text a person would type: no control characters, no unpaired UTF-16 surrogates. PostgreSQL refuses NUL in
 * text (every such request would end as a 500), a line break in a reference forges lines wherever the value is
 * printed, and a lone surrogate cannot be stored as UTF-8 at all. {@link #lineBreaks()} lets a multi-line
 * field (a reviewer's reason) keep tab, CR and LF.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface PlainText {

    String message() default "must not contain control characters (NUL, line breaks, escapes) or broken Unicode";

    boolean lineBreaks() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself, also for values that are not bound by Bean Validation (query parameters). */
    final class Validator implements ConstraintValidator<PlainText, String> {

        private boolean lineBreaks;

        @Override
        public void initialize(PlainText annotation) {
            lineBreaks = annotation.lineBreaks();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return isPlain(value, lineBreaks);
        }

        public static boolean isPlain(String value, boolean lineBreaks) {
            if (value == null) {
                return true;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (lineBreaks && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                if (LogSafe.breaksLines(c)) {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
