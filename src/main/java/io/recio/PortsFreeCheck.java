package io.recio;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before anything starts, checks that the manifest's ports recio is about to serve are free, so a
 * clash is reported at once with the process that holds the port.
 */
class PortsFreeCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.getProperty("recio.check-ports", Boolean.class, false)) {
            return;
        }
        String host = env.getProperty("recio.bind-address", "127.0.0.1");
        if (env.getProperty("spring.main.web-application-type", "servlet").equalsIgnoreCase("servlet")) {
            check(env, "main_app", host, "recio.ports.main-app", 3000);
        }
        if (env.getProperty("recio.simulator.enabled", "false").equals("true")) {
            check(env, "simulator_kalshi", host, "recio.ports.simulator-kalshi", 8090);
            check(env, "simulator_coinbase", host, "recio.ports.simulator-coinbase", 8091);
        }
    }

    private static void check(ConfigurableEnvironment env, String name, String host, String key, int fallback) {
        int port;
        try {
            port = Integer.parseInt(env.getProperty(key, String.valueOf(fallback)).trim());
        } catch (NumberFormatException e) {
            return; // not a number: the validation of RecioProperties names the key and what is allowed
        }
        if (port > 0 && port <= 65535) {
            PortCheck.requireFree(name, host, port);
        }
    }
}
