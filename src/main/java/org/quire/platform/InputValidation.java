package org.quire.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Bean Validation of request inputs, after their JSON shape has been read. Shape errors and rule
 * violations are answered together, one entry per field (its messages joined), sorted by field,
 * so a client fixes everything in one round.
 */
@ApplicationScoped
public class InputValidation {

    @Inject
    Validator validator;

    public <T> T check(List<FieldError> shapeErrors, T input) {
        Map<String, TreeSet<String>> messages = new TreeMap<>();
        shapeErrors.forEach(e -> messages.computeIfAbsent(e.field(), f -> new TreeSet<>()).add(e.message()));
        validator.validate(input).forEach(violation -> {
            String field = violation.getPropertyPath().toString();
            // A field whose JSON was already wrong has no value worth judging further.
            if (shapeErrors.stream().noneMatch(e -> e.field().equals(field))) {
                messages.computeIfAbsent(field, f -> new TreeSet<>()).add(violation.getMessage());
            }
        });
        if (!messages.isEmpty()) {
            throw ProblemException.invalid(messages.entrySet().stream()
                    .map(e -> new FieldError(e.getKey(), String.join("; ", e.getValue())))
                    .toList());
        }
        return input;
    }
}
