package org.quire.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Text whose UTF-8 form is at most {@link #value()} bytes: how a size in bytes (1 MiB of content) is measured. */
@Retention(RUNTIME)
@Target({FIELD, RECORD_COMPONENT})
@Constraint(validatedBy = MaxUtf8Bytes.Check.class)
public @interface MaxUtf8Bytes {

    long value();

    String message() default "must be at most {value} bytes of UTF-8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<MaxUtf8Bytes, String> {
        private long max;

        @Override
        public void initialize(MaxUtf8Bytes constraint) {
            max = constraint.value();
        }

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || utf8Length(text) <= max;
        }

        static long utf8Length(String s) {
            long bytes = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    bytes += 1;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 4;
                    i++;
                } else {
                    bytes += 3;
                }
            }
            return bytes;
        }
    }
}
