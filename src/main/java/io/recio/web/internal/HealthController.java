package io.recio.web.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: liveness for anyone; never depends on Kalshi, Coinbase or the database. */
@RestController
class HealthController {

    private final String version;

    HealthController(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.version = properties != null ? properties.getVersion() : "development";
    }

    /**
     * The process answers.
     *
     * @param status  always {@code UP}: an answer at all is the news
     * @param version recio's build version ({@code development} when run from the sources)
     */
    record Liveness(String status, String version) {
    }

    @GetMapping("/health")
    Liveness health() {
        return new Liveness("UP", version);
    }
}
