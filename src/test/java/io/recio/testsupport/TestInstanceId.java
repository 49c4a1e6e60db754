package io.recio.testsupport;

import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Draws one id per application context as {@value #PROPERTY}, which the test profile names its in-memory database
 * and data directory after: {@code ${random.uuid}} is drawn again at every lookup, so the data directory made
 * private at start-up, {@code RecioProperties} and the log files could each have been somewhere else.
 */
public class TestInstanceId implements EnvironmentPostProcessor {

    /** The property holding the id; lowest precedence, so a test that names its own directory still wins. */
    public static final String PROPERTY = "testsupport.instance-id";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("testInstanceId",
                    Map.of(PROPERTY, UUID.randomUUID().toString())));
        }
    }
}
