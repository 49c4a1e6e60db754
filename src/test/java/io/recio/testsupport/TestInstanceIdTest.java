package io.recio.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TestInstanceIdTest {

    private static StandardEnvironment prepared() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("profile",
                Map.of("recio.data-dir", "/tmp/recio-test-${testsupport.instance-id}")));
        new TestInstanceId().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void everyLookupInOneContextFindsTheSameDataDirectoryAndAnotherContextAnother() {
        StandardEnvironment one = prepared();
        String dir = one.getProperty("recio.data-dir");

        assertThat(one.getProperty("recio.data-dir")).isEqualTo(dir).doesNotContain("${");
        assertThat(prepared().getProperty("recio.data-dir")).isNotEqualTo(dir);
    }
}
