package io.recio.simulator.exchange.internal;

import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.faults.FaultSwitches;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * The embedded Tomcat serving the simulated exchange: one servlet for REST and admin, one JSR-356
 * endpoint for the WebSocket, and a filter that authenticates the WebSocket upgrade as Kalshi does.
 */
public final class KalshiServer {

    private final KalshiSimulatorSettings settings;
    private Exchange exchange;
    private FaultSwitches faults;
    private WsHub hub;
    private RestApi rest;
    private Tomcat tomcat;
    private Path baseDir;
    private String host;
    private int port;

    public KalshiServer(KalshiSimulatorSettings settings) {
        this.settings = settings;
    }

    /** Connects the server to the exchange it serves and registers the Kalshi side of the fault actions. */
    public void attach(Exchange exchange, FaultSwitches faults) {
        this.exchange = exchange;
        this.faults = faults;
        this.hub = new WsHub(exchange);
        faults.onAction(FaultSwitches.Venue.KALSHI, FaultSwitches.Action.DROP_WEBSOCKETS, a -> hub.dropAll());
        faults.onAction(FaultSwitches.Venue.KALSHI, FaultSwitches.Action.SKIP_SEQ, a -> hub.skipOneSeq());
    }

    /** Where the exchange hands WebSocket messages. */
    public void publish(Object message) {
        hub.publish(message);
    }

    public void start(String bindAddress, int requestedPort) {
        try {
            baseDir = Files.createTempDirectory("recio-kalshi-sim");
            tomcat = new Tomcat();
            tomcat.setBaseDir(baseDir.toString());
            Connector connector = new Connector();
            connector.setPort(requestedPort);
            connector.setProperty("address", bindAddress);
            // requests on virtual threads, as the console's: no pool of ten idle platform threads and their stacks
            connector.setProperty("useVirtualThreads", "true");
            tomcat.setConnector(connector);
            tomcat.getHost().setAutoDeploy(false);
            Context context = tomcat.addContext("", baseDir.toString());
            Authenticator authenticator = new Authenticator(exchange, settings.timestampTolerance());
            rest = new RestApi(exchange, authenticator, faults);
            Tomcat.addServlet(context, "kalshi", rest).setAsyncSupported(true);
            context.addServletMappingDecoded("/", "kalshi");
            context.addServletContainerInitializer(new WsSci(), null);
            context.addServletContainerInitializer((classes, servletContext) -> {
                servletContext.addFilter("kalshi-ws-auth", new UpgradeAuthFilter(authenticator))
                        .addMappingForUrlPatterns(null, false, WsHub.PATH);
                ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
                try {
                    container.addEndpoint(ServerEndpointConfig.Builder.create(Endpoint.class, WsHub.PATH)
                            .configurator(new ServerEndpointConfig.Configurator() {
                                @Override
                                public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                                                            HandshakeResponse response) {
                                    // Tomcat hands each handshake its own copy of the config, on the filter's thread.
                                    SimAccount account = UpgradeAuthFilter.CURRENT.get();
                                    if (account != null) {
                                        config.getUserProperties().put(WsHub.ACCOUNT_PROPERTY, account);
                                    }
                                }

                                @Override
                                @SuppressWarnings("unchecked")
                                public <T> T getEndpointInstance(Class<T> endpointClass) {
                                    return (T) hub.endpoint();
                                }
                            }).build());
                } catch (DeploymentException e) {
                    throw new ServletException("cannot deploy the simulated Kalshi WebSocket", e);
                }
            }, null);
            tomcat.start();
            if (connector.getState() != org.apache.catalina.LifecycleState.STARTED || connector.getLocalPort() <= 0) {
                stop();
                throw new IllegalStateException("the simulated Kalshi exchange cannot listen on " + bindAddress + ":"
                        + requestedPort + " (recio.ports.simulator-kalshi); is the port taken?");
            }
            this.port = connector.getLocalPort();
            this.host = bindAddress;
        } catch (IOException | LifecycleException e) {
            try {
                stop();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IllegalStateException("the simulated Kalshi exchange cannot listen on " + bindAddress + ":"
                    + requestedPort + ": " + e.getMessage(), e);
        }
    }

    public void stop() {
        hub.stop();
        if (rest != null) {
            rest.releaseHungRequests();
        }
        if (tomcat != null) {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (LifecycleException e) {
                throw new IllegalStateException("the simulated Kalshi exchange did not stop cleanly", e);
            } finally {
                tomcat = null;
                deleteBaseDir();
            }
        }
    }

    private void deleteBaseDir() {
        if (baseDir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(baseDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(KalshiServer.class).debug("Cannot remove {}", baseDir, e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port;
    }

    public int webSocketConnections() {
        return hub.connectionCount();
    }

    /**
     * Authenticates the WebSocket upgrade (signature over timestamp + GET + /trade-api/ws/v2) and hands
     * the account to the handshake on the same thread; refuses with Kalshi's 401 body otherwise.
     */
    static final class UpgradeAuthFilter implements Filter {

        static final ThreadLocal<SimAccount> CURRENT = new ThreadLocal<>();
        private final Authenticator authenticator;

        UpgradeAuthFilter(Authenticator authenticator) {
            this.authenticator = authenticator;
        }

        @Override
        public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) servletRequest;
            HttpServletResponse response = (HttpServletResponse) servletResponse;
            SimAccount account;
            try {
                account = authenticator.authenticate(request.getHeader("KALSHI-ACCESS-KEY"),
                        request.getHeader("KALSHI-ACCESS-TIMESTAMP"), request.getHeader("KALSHI-ACCESS-SIGNATURE"),
                        "GET", WsHub.PATH);
            } catch (ApiException e) {
                byte[] body = Json.write(Json.error(e.code(), e.getMessage(), e.details())).getBytes(StandardCharsets.UTF_8);
                response.setStatus(e.status());
                response.setContentType("application/json");
                response.getOutputStream().write(body);
                return;
            }
            CURRENT.set(account);
            try {
                chain.doFilter(request, response);
            } finally {
                CURRENT.remove();
            }
        }
    }
}
