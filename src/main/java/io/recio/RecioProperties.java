package io.recio;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The platform-wide settings under {@code recio.*}; each module keeps its own settings under
 * {@code recio.<module>.*}.
 *
 * @param mode         demo, paper or live
 * @param bindAddress  the address every server of recio listens on (loopback unless the owner opens it)
 * @param dataDir      where recio keeps its files: the demo database, JSON snapshots, logs
 * @param ports        the port manifest: the one place every port of recio is named
 */
@Validated
@ConfigurationProperties("recio")
public record RecioProperties(
        @NotNull @DefaultValue("DEMO") Mode mode,
        @NotBlank @DefaultValue("127.0.0.1") String bindAddress,
        @NotNull @DefaultValue("./data") Path dataDir,
        @Valid @NotNull @DefaultValue Ports ports) {

    /**
     * The port manifest (REC.IO's MASTER_PORT_MANIFEST.json): one JVM serves every module on
     * {@code mainApp}; the simulators listen on their own ports. 0 picks a free port (tests).
     */
    public record Ports(
            @Min(0) @Max(65535) @DefaultValue("3000") int mainApp,
            @Min(0) @Max(65535) @DefaultValue("8090") int simulatorKalshi,
            @Min(0) @Max(65535) @DefaultValue("8091") int simulatorCoinbase) {

        /** Each named port of the manifest, in the order they are started. */
        public Map<String, Integer> byName() {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("main_app", mainApp);
            ports.put("simulator_kalshi", simulatorKalshi);
            ports.put("simulator_coinbase", simulatorCoinbase);
            return ports;
        }

        @AssertTrue(message = "main-app, simulator-kalshi and simulator-coinbase must be different ports (0 excepted)")
        public boolean isDistinct() {
            Set<Integer> seen = new HashSet<>();
            return byName().values().stream().filter(p -> p != 0).allMatch(seen::add);
        }
    }
}
