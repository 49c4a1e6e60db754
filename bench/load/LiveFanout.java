import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live push fan-out: CLIENTS WebSocket clients on recio's live channel for SECONDS; for every strike-table push
 * each one receives, the delay from the table's computation ({@code computed_at}) to its receipt, split into the
 * wait before recio sent it (the envelope's {@code at}: a state recomputed within the push interval of the last send
 * waits for it, by design) and the delivery from there to the client. STUCK more clients connect and never read
 * (a machine that froze): the others must not notice them, and recio drops them once their sends stay
 * unfinished; the open tabs recio counts at the end say whether it did.
 *
 * <pre>java bench/load/LiveFanout.java ws://127.0.0.1:3300/ws/live JSESSIONID CLIENTS SECONDS STUCK</pre>
 */
public class LiveFanout {

    private static final Pattern TYPE = Pattern.compile("^\\{\"type\":\"strike_table\",\"key\":\"(\\w+)\"");
    private static final Pattern SENT = Pattern.compile("^\\{\"type\":\"strike_table\",\"key\":\"\\w+\",\"at\":\"([^\"]+)\"");
    private static final Pattern COMPUTED = Pattern.compile("\"computed_at\":\"([^\"]+)\"");
    private static final Pattern TABS = Pattern.compile("\"live_tabs\":\"?(\\d+)");

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String session = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int stuck = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newHttpClient();
        List<Long> delaysMicros = Collections.synchronizedList(new ArrayList<>());
        List<Long> waitsMicros = Collections.synchronizedList(new ArrayList<>());
        List<Long> deliveriesMicros = Collections.synchronizedList(new ArrayList<>());
        List<Set<String>> received = new ArrayList<>();
        AtomicInteger closed = new AtomicInteger();
        List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
        for (int i = 0; i < clients + stuck; i++) {
            boolean reads = i < clients;
            Set<String> tables = ConcurrentHashMap.newKeySet();
            if (reads) {
                received.add(tables);
            }
            sockets.add(http.newWebSocketBuilder().header("Cookie", "JSESSIONID=" + session)
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(uri, new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public void onOpen(WebSocket socket) {
                            // a stuck client asks for nothing: the JDK stops reading its socket
                            socket.request(reads ? 1 : 0);
                        }

                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                long now = nowMicros();
                                Matcher type = TYPE.matcher(text);
                                if (type.find()) {
                                    Matcher computed = COMPUTED.matcher(text);
                                    Matcher sent = SENT.matcher(text);
                                    if (computed.find() && sent.find()) {
                                        long computedAt = micros(Instant.parse(computed.group(1)));
                                        long sentAt = micros(Instant.parse(sent.group(1)));
                                        delaysMicros.add(now - computedAt);
                                        waitsMicros.add(sentAt - computedAt);
                                        deliveriesMicros.add(now - sentAt);
                                        tables.add(type.group(1) + "@" + computed.group(1));
                                    }
                                }
                                text.setLength(0);
                            }
                            socket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                            closed.incrementAndGet();
                            return null;
                        }
                    }));
        }
        int open = 0;
        for (CompletableFuture<WebSocket> s : sockets) {
            try {
                s.join();
                open++;
            } catch (RuntimeException e) {
                System.err.println("connect failed: " + e.getMessage());
            }
        }
        // the replay on connect is not a push
        delaysMicros.clear();
        waitsMicros.clear();
        deliveriesMicros.clear();
        received.forEach(Set::clear);
        // bench/load.sh reads recio's CPU time at these two lines
        System.out.println("measuring: " + open + " connected");
        Thread.sleep(seconds * 1000L);
        List<Long> d = sorted(delaysMicros);
        System.out.println("measured");
        String tabs = openTabs(http, uri, session);
        int most = received.stream().mapToInt(Set::size).max().orElse(0);
        int fewest = received.stream().mapToInt(Set::size).min().orElse(0);
        System.out.printf("clients %d reading + %d stuck, %d connected, %d closed by the server, %d s%n",
                clients, stuck, open, closed.get(), seconds);
        System.out.printf("strike-table pushes per client: most %d, fewest %d; %d receipts%n", most, fewest, d.size());
        if (!d.isEmpty()) {
            System.out.printf("computation -> receipt: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(d, 0.50) / 1000.0, pct(d, 0.99) / 1000.0, d.getLast() / 1000.0);
            List<Long> w = sorted(waitsMicros);
            List<Long> r = sorted(deliveriesMicros);
            System.out.printf("  of which computation -> sent (coalescing wait): p50 %.1f ms, p99 %.1f ms;"
                            + " sent -> receipt (delivery): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(w, 0.50) / 1000.0, pct(w, 0.99) / 1000.0, pct(r, 0.50) / 1000.0, pct(r, 0.99) / 1000.0,
                    r.getLast() / 1000.0);
        }
        System.out.println("live tabs open at recio at the end: " + tabs + " (the " + clients
                + " reading ones, when the stuck ones were dropped)");
        System.exit(0);
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy;
        synchronized (values) {
            copy = new ArrayList<>(values);
        }
        Collections.sort(copy);
        return copy;
    }

    /** main_app's {@code live_tabs} from {@code /api/services}, as recio counts its open tabs. */
    private static String openTabs(HttpClient http, URI live, String session) {
        URI services = URI.create(live.toString().replaceFirst("^ws", "http").replace("/ws/live", "/api/services"));
        try {
            String body = http.send(HttpRequest.newBuilder(services).header("Cookie", "JSESSIONID=" + session)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = TABS.matcher(body);
            return m.find() ? m.group(1) : "unknown";
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static long nowMicros() {
        return micros(Instant.now());
    }
}
