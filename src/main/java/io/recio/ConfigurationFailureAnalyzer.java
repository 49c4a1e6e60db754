package io.recio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports every bad {@code recio.*} setting on a line of its own: the key as the owner writes it,
 * the value given and what is allowed.
 */
class ConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        BindValidationException validation = find(failure, BindValidationException.class);
        if (validation != null) {
            List<String> problems = new ArrayList<>();
            String prefix = validation.getValidationErrors().getName().toString();
            for (ObjectError error : validation.getValidationErrors()) {
                if (error instanceof FieldError field) {
                    problems.add(kebab(prefix + "." + field.getField()) + " = '" + field.getRejectedValue()
                            + "' is not allowed: " + field.getDefaultMessage());
                } else {
                    problems.add(prefix + ": " + error.getDefaultMessage());
                }
            }
            return report(problems);
        }
        BindException bind = find(failure, BindException.class);
        if (bind != null && bind.getProperty() != null) {
            Class<?> target = bind.getTarget().getType().resolve();
            String allowed = target != null && target.isEnum()
                    ? "one of " + Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name()
                    .toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    : "a value of type " + (target == null ? "?" : target.getSimpleName());
            return report(List.of(bind.getProperty().getName() + " = '" + bind.getProperty().getValue()
                    + "' is not allowed: expected " + allowed));
        }
        return null;
    }

    private static FailureAnalysis report(List<String> problems) {
        String description = "recio's configuration has " + problems.size()
                + (problems.size() == 1 ? " problem:" : " problems:") + System.lineSeparator()
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining(System.lineSeparator()));
        return new FailureAnalysis(description, "Fix these settings in your configuration file, "
                + "environment (RECIO_...) or command line, then start recio again. See the README's "
                + "configuration section.", null);
    }

    /** recio.ports.mainApp -> recio.ports.main-app */
    private static String kebab(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
