package io.recio;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The recio platform: one Spring Boot application holding every module under {@code io.recio}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RecioApplication {

    public static void main(String[] args) {
        System.exit(RecioCli.execute(args));
    }
}
