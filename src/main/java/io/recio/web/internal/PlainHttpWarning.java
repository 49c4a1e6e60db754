package io.recio.web.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the console listens beyond loopback over plain HTTP: passwords and session cookies would
 * cross the network readable by anyone on the path. The fix is a TLS reverse proxy (docs/security.md, "Running
 * behind TLS") with recio on 127.0.0.1, or {@code server.ssl.*}.
 */
@Component
class PlainHttpWarning implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(PlainHttpWarning.class);

    private final Environment environment;

    PlainHttpWarning(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String address = environment.getProperty("server.address", "127.0.0.1");
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, false)
                || environment.getProperty("server.ssl.bundle") != null;
        if (!tls && !loopback(address)) {
            log.warn("recio serves plain HTTP on {}:{}, beyond this machine: passwords and session cookies cross the "
                            + "network unencrypted. Put a TLS reverse proxy in front and bind recio to 127.0.0.1 "
                            + "(recio.bind-address), see docs/security.md 'Running behind TLS'.",
                    address, event.getWebServer().getPort());
        }
    }

    static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
