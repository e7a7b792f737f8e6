package org.quire.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation of request inputs, after their JSON shape has been read. Shape errors and rule
 * violations are answered together, sorted by field, so a client fixes everything in one round.
 */
@ApplicationScoped
public class InputValidation {

    @Inject
    Validator validator;

    public <T> T check(List<FieldError> shapeErrors, T input) {
        List<FieldError> errors = new ArrayList<>(shapeErrors);
        List<String> broken = shapeErrors.stream().map(FieldError::field).toList();
        validator.validate(input).forEach(violation -> {
            String field = violation.getPropertyPath().toString();
            if (!broken.contains(field)) {
                errors.add(new FieldError(field, violation.getMessage()));
            }
        });
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
            throw ProblemException.invalid(errors);
        }
        return input;
    }
}
