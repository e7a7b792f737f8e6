package org.quire.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;

/**
 * The one Validator input records are judged by ({@link InputRecords}): the container's, built
 * once, and told that every property of an input is there to be judged.
 *
 * <p>The injectable {@code Validator} is created anew for each request behind a CDI proxy, and,
 * with JPA present, asks the persistence providers before each property whether it is a lazy
 * attribute not yet loaded. An input record is never an entity, so the answer is always yes; in
 * the profile of a create the proxy and those questions were 4.5% of all CPU.
 */
@ApplicationScoped
public class InputValidation {

    /** An input record's properties are plain values: all reachable, nothing lazy to skip. */
    private static final TraversableResolver EVERY_PROPERTY = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty, ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty, ElementType elementType) {
            return true;
        }
    };

    @Inject
    ValidatorFactory factory;

    private Validator validator;

    @PostConstruct
    void build() {
        validator = factory.usingContext().traversableResolver(EVERY_PROPERTY).getValidator();
    }

    public Validator validator() {
        return validator;
    }
}
