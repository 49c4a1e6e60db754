package io.recio.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

/** The page shell goes to every page controller by name, and to no API controller. */
class ShellAdviceTest {

    @Test
    void everyPageControllerAndNoApiControllerGetsTheShell() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        List<String> pages = scanner.findCandidateComponents("io.recio").stream().map(b -> b.getBeanClassName())
                .filter(name -> !isRestController(name)).sorted().toList();
        List<String> advised = Arrays.stream(ShellAdvice.class.getAnnotation(ControllerAdvice.class).assignableTypes())
                .map(Class::getName).sorted().toList();

        assertThat(advised).as("ShellAdvice's assignableTypes: add a new page controller there").isEqualTo(pages);
    }

    private static boolean isRestController(String className) {
        try {
            return Class.forName(className).isAnnotationPresent(RestController.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
