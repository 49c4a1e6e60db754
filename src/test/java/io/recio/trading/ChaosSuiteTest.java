package io.recio.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.market.EventTicker;
import io.recio.testsupport.ConsoleClient;
import io.recio.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The chaos suite (issue 14): recio runs as a child process in live mode against the exchange simulator, which
 * lives in this JVM so it survives every kill, on a PostgreSQL database of its own. Each run drives manual trades
 * or waits for the auto-entry bot's next order, SIGKILLs recio at a point of the order life-cycle chosen by the
 * run's seed (before send, after send before the answer, after the fill, during a close, right after a bot order,
 * with trades held through a close and settlement while recio is down, or while recio takes a settlement in),
 * restarts it on the same database and, once the start-up reconciliation has turned trading on again and no order is
 * unresolved, checks recio's books against the exchange: every exchange order known locally exactly once with the
 * same fills, no client order id twice, positions equal, cash and the trades' PnL to the cent, nothing left PENDING,
 * CLOSING, SENDING or UNKNOWN, nothing open on a market the exchange has settled. Every failure is reported with the
 * seed of its run. The world keeps its own time (see {@link ChaosWorld}), moved on while recio is down so that the
 * bot is inside its entry window and an event closes whenever a run asks for it, not once an hour.
 *
 * <p>{@code -Drecio.chaos.runs=N} (kills, default 10), {@code -Drecio.chaos.seed=S} (default random; run k uses
 * S + k), {@code -Drecio.chaos.report=FILE} (a Markdown report, rewritten after every run and marked partial until
 * the last). {@code ./recio chaos --runs N [--seed S] [--report FILE]} runs it.
 */
class ChaosSuiteTest {

    static final int RUNS = Integer.getInteger("recio.chaos.runs", 10);
    static final long SEED = Long.getLong("recio.chaos.seed", new SecureRandom().nextLong());
    static final String REPORT = System.getProperty("recio.chaos.report");

    /** Where in an order's life recio is killed. */
    enum KillPoint {
        /** Just after a manual buy was posted: the order row may or may not exist, the order may or may not have left. */
        BEFORE_SEND,
        /** The exchange took the order but its answer never came back. */
        AFTER_SEND_BEFORE_ANSWER,
        /** Right after a buy was answered filled. */
        AFTER_FILL,
        /** A close order at the exchange, its answer not back. */
        DURING_CLOSE,
        /** Just after an order of the auto-entry bot reached the exchange, its answer held back or not. */
        WHILE_AUTO_TRADING,
        /** With trades held in the event in force, which then closes and settles while recio is down. */
        SETTLED_WHILE_DOWN,
        /**
         * While recio takes in a settlement: killed first with trades held (that restart checked too) and started
         * again just before the close, then killed a moment after the exchange has paid.
         */
        DURING_SETTLEMENT;

        /** The kill point of the run with this random (its first draw, so the point of a run is known beforehand). */
        static KillPoint of(Random random) {
            return values()[random.nextInt(values().length)];
        }
    }

    /** How close to a close recio is started for a {@link KillPoint#DURING_SETTLEMENT} run. */
    static final Duration BEFORE_SETTLEMENT = Duration.ofSeconds(20);
    /** Less time than this to the close leaves no room for an entry: the world moves on to the next event's window. */
    static final Duration ROOM_TO_TRADE = Duration.ofMinutes(3);
    /** The bot enters until 120 s before the close; a restart on a loaded machine takes minutes of the world's time. */
    static final Duration ROOM_FOR_THE_BOT = Duration.ofMinutes(8);

    ChaosWorld world;
    final List<String> loads = new ArrayList<>();
    /** The close a {@link KillPoint#DURING_SETTLEMENT} run started recio just before. */
    Instant settlingClose;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void killedAtRandomPointsOfTheOrderLifeCycleRecioAgreesWithTheExchangeAfterEveryRestart() throws Exception {
        world = new ChaosWorld("chaos");
        Instant began = Instant.now();
        List<String> failures = new ArrayList<>();
        Map<KillPoint, Integer> kills = new EnumMap<>(KillPoint.class);
        List<String> lines = new ArrayList<>();
        place(KillPoint.of(new Random(SEED)));
        world.startRecio();
        for (int run = 0; run < RUNS; run++) {
            long seed = SEED + run;
            Random random = new Random(seed);
            KillPoint point = KillPoint.of(random);
            String what;
            if (point == KillPoint.DURING_SETTLEMENT) {
                String before = beforeTheClose(random);
                kills.merge(point, 1, Integer::sum);
                List<String> problems = world.settledInvariants();
                if (!problems.isEmpty()) {
                    failures.add("run " + run + " (seed " + seed + "): killed " + before + ": INCONSISTENT " + problems);
                }
                what = before + (problems.isEmpty() ? ", consistent; " : ", INCONSISTENT " + problems + "; ")
                        + duringSettlement(random);
            } else {
                what = drive(point, random);
            }
            world.kill();
            kills.merge(point, 1, Integer::sum);
            if (point == KillPoint.SETTLED_WHILE_DOWN) {
                world.settleCurrentEvents();
            }
            place(KillPoint.of(new Random(seed + 1)));
            world.startRecio();
            List<String> problems = world.settledInvariants();
            String line = "run " + run + " (seed " + seed + "): killed " + point + " (" + what + "): "
                    + (problems.isEmpty() ? "consistent" : "INCONSISTENT " + problems);
            System.out.println("chaos " + line);
            lines.add(line);
            if (!problems.isEmpty()) {
                failures.add(line);
            }
            // after every run, so a long variant cut short still leaves its report
            report(began, run + 1, kills, lines, failures);
        }
        assertThat(failures).as("invariant failures (replay a run with -Drecio.chaos.seed=<its seed>)").isEmpty();
    }

    /**
     * While recio is down, sets the world's time for the next run: inside the bot's entry window with room to trade,
     * moving on to the next event's window (through a close and its settlement) when the event in force is about to
     * close.
     */
    void place(KillPoint next) {
        Duration left = world.timeToClose();
        Duration room = next == KillPoint.WHILE_AUTO_TRADING ? ROOM_FOR_THE_BOT : ROOM_TO_TRADE;
        if (left.compareTo(room) < 0 || left.compareTo(ChaosWorld.IN_ENTRY_WINDOW) > 0) {
            world.clock.jumpToBeforeClose(ChaosWorld.IN_ENTRY_WINDOW);
        }
    }

    /**
     * The first half of a {@link KillPoint#DURING_SETTLEMENT} run: buys, so that trades are held in the event in
     * force, kills recio, moves the world to just before that event's close and starts recio again.
     */
    String beforeTheClose(Random random) throws Exception {
        Optional<String> ticker = world.marketToTrade(random);
        String bought = ticker.isEmpty() ? "nothing to buy" : "buy of " + ticker.get() + " answered "
                + world.console.request("POST", "/api/trades", Map.of("ticker", ticker.get(), "side",
                        random.nextBoolean() ? "yes" : "no", "count", 1 + random.nextInt(3), "worst_price", "0.99"),
                        "application/json").statusCode();
        String held = held();
        world.kill();
        settlingClose = EventTicker.nextClose(world.clock.instant());
        world.clock.jumpTo(settlingClose.minus(BEFORE_SETTLEMENT));
        world.startRecio();
        return "first with " + held + " held after a " + bought + ", then started " + BEFORE_SETTLEMENT.toSeconds()
                + " s before the close";
    }

    /** Drives recio to the kill point; answers what was in flight. */
    String drive(KillPoint point, Random random) throws Exception {
        ConsoleClient console = world.console;
        if (point == KillPoint.WHILE_AUTO_TRADING) {
            return whileAutoTrading(random);
        }
        closeOneIfCrowded(console);
        Optional<String> ticker = world.marketToTrade(random);
        if (ticker.isEmpty()) {
            Thread.sleep(random.nextInt(2000));
            return "no market to trade; killed while idle";
        }
        Map<String, Object> buy = Map.of("ticker", ticker.get(), "side", random.nextBoolean() ? "yes" : "no",
                "count", 1 + random.nextInt(3), "worst_price", "0.99");
        switch (point) {
            case BEFORE_SEND -> {
                console.postInBackground("/api/trades", buy);
                Thread.sleep(random.nextInt(40));
                return "buy " + buy + " posted";
            }
            case AFTER_SEND_BEFORE_ANSWER -> {
                int before = world.exchangeOrders().size();
                world.faults.orderResponseTimeout(true);
                console.postInBackground("/api/trades", buy);
                boolean reached = world.waitForExchangeOrders(before + 1, Duration.ofSeconds(20));
                return "buy " + buy + (reached ? " at the exchange, unanswered" : " did not reach the exchange");
            }
            case AFTER_FILL -> {
                HttpResponse<String> answer = console.request("POST", "/api/trades", buy, "application/json");
                return "buy " + buy + " answered " + answer.statusCode();
            }
            case DURING_CLOSE -> {
                Optional<Long> open = openTrade(console);
                if (open.isEmpty()) {
                    HttpResponse<String> answer = console.request("POST", "/api/trades", buy, "application/json");
                    return "nothing to close; buy " + buy + " answered " + answer.statusCode();
                }
                int before = world.exchangeOrders().size();
                world.faults.orderResponseTimeout(true);
                console.postInBackground("/api/trades/" + open.get() + "/close", Map.of("worst_price", "0.01"));
                boolean reached = world.waitForExchangeOrders(before + 1, Duration.ofSeconds(20));
                return "close of trade " + open.get() + (reached ? " at the exchange, unanswered" : " not sent");
            }
            case SETTLED_WHILE_DOWN -> {
                HttpResponse<String> answer = console.request("POST", "/api/trades", buy, "application/json");
                return "buy " + buy + " answered " + answer.statusCode() + "; " + held() + " held at the kill";
            }
            default -> throw new IllegalStateException("not a manual kill point: " + point);
        }
    }

    /**
     * Waits until the exchange has settled the events recio was started just before the close of, then kills recio
     * within a moment, while it takes the settlement in.
     */
    String duringSettlement(Random random) throws InterruptedException {
        Instant close = settlingClose;
        boolean settled = world.awaitSettled(close, Duration.ofMinutes(4));
        long wait = random.nextInt(3000);
        Thread.sleep(wait);
        return settled ? "again " + wait + " ms after the exchange settled the events of " + close
                : "again, the events of " + close + " not settled within 4 min";
    }

    /**
     * Makes room for the bot (closes one of its trades, so that strike and side are free again after its cooldown),
     * then waits for its next order to reach the exchange, its answer held back or not, and kills at once or a
     * moment later.
     */
    String whileAutoTrading(Random random) throws InterruptedException {
        ConsoleClient console = world.console;
        StreamSupport.stream(console.get("/api/trades?status=open").spliterator(), false)
                .filter(t -> "AUTO".equals(t.path("entry_method").asString())).findFirst()
                .ifPresent(t -> console.request("POST", "/api/trades/" + t.get("id").asLong() + "/close",
                        Map.of("worst_price", "0.01"), "application/json"));
        int before = world.exchangeOrders().size();
        boolean unanswered = random.nextBoolean();
        world.faults.orderResponseTimeout(unanswered);
        boolean reached = world.waitForExchangeOrders(before + 1, Duration.ofSeconds(60));
        long wait = random.nextInt(500);
        Thread.sleep(wait);
        if (!reached) {
            return "no bot order within 60 s (" + world.timeToClose().toSeconds() + " s to the close)";
        }
        return wait + " ms after a bot order reached the exchange" + (unanswered ? ", unanswered" : "");
    }

    /** Open trades by entry method, as the console lists them. */
    String held() {
        Map<String, Long> byMethod = new java.util.TreeMap<>();
        world.console.get("/api/trades?status=open").forEach(t -> byMethod.merge(t.path("entry_method").asString(), 1L,
                Long::sum));
        return byMethod.isEmpty() ? "no trade" : byMethod.toString();
    }

    /** Keeps room under the risk limits (40 open trades here) by closing one trade normally when many are open. */
    static void closeOneIfCrowded(ConsoleClient console) {
        List<JsonNode> open = StreamSupport.stream(console.get("/api/trades?status=open").spliterator(), false).toList();
        if (open.size() >= 20) {
            console.request("POST", "/api/trades/" + open.getFirst().get("id").asLong() + "/close",
                    Map.of("worst_price", "0.01"), "application/json");
        }
    }

    static Optional<Long> openTrade(ConsoleClient console) {
        return StreamSupport.stream(console.get("/api/trades?status=open").spliterator(), false)
                .map(t -> t.get("id").asLong()).findFirst();
    }

    /**
     * Writes the report (after every run, so a long variant cut short still leaves one, marked partial): the command,
     * the kills so far by point, the machine's load, the failures, what was traded and each run.
     */
    void report(Instant began, int done, Map<KillPoint, Integer> kills, List<String> lines, List<String> failures)
            throws IOException {
        StringBuilder r = new StringBuilder("# Chaos suite report").append(done < RUNS ? " (PARTIAL)" : "").append("\n\n");
        String database = System.getenv("RECIO_TEST_DB");
        r.append("Command: `").append(database != null ? "RECIO_TEST_DB=" + database + " " : "")
                .append(niceness() > 0 ? "nice -n " + niceness() + " " : "").append("./recio chaos --runs ").append(RUNS)
                .append(" --seed ").append(SEED).append(REPORT != null ? " --report " + Path.of("").toAbsolutePath()
                        .relativize(Path.of(REPORT)) : "").append("`\n\n");
        if (done < RUNS) {
            r.append("**Partial: ").append(done).append(" of ").append(RUNS)
                    .append(" runs done when this was written; the suite was still going or was stopped.**\n\n");
        }
        String load = loadAverage();
        loads.add(load.split(" ")[0]);
        r.append("Started ").append(began).append(", ").append(Duration.between(began, Instant.now()).toMinutes())
                .append(" min so far. Runs: ").append(done).append(" of ").append(RUNS).append("; SIGKILLs: ")
                .append(kills.values().stream().mapToInt(Integer::intValue).sum()).append(" ").append(kills)
                .append(" (a DURING_SETTLEMENT run kills twice: before the close and during the settlement).\n");
        r.append("Load average (1/5/15 min) now: ").append(load).append("; the 1-minute figure after each run: ")
                .append(String.join(", ", loads)).append(".\n");
        r.append("Invariant failures: ").append(failures.size()).append(".\n\n");
        try (Connection db = DriverManager.getConnection(world.database, PostgresTestDatabase.USER, "")) {
            r.append("Trades by entry method and status: ");
            try (PreparedStatement s = db.prepareStatement("SELECT entry_method, status, COUNT(*) FROM trading.trade"
                    + " GROUP BY entry_method, status ORDER BY 1, 2"); ResultSet rs = s.executeQuery()) {
                List<String> parts = new ArrayList<>();
                while (rs.next()) {
                    parts.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3));
                }
                r.append(String.join(", ", parts)).append(".\n");
            }
            r.append("Orders at the exchange: ").append(world.exchangeOrders().size()).append("; settlements: ")
                    .append(world.exchange.get("/portfolio/settlements?limit=1000").get("settlements").size())
                    .append("; the world's clock is ").append(world.clock.ahead().toMinutes())
                    .append(" min ahead of the machine's.\n\n");
        } catch (SQLException | RuntimeException e) {
            r.append("(trade counts unavailable: ").append(e.getMessage()).append(")\n\n");
        }
        r.append("## Runs\n\n");
        lines.forEach(l -> r.append("- ").append(l).append('\n'));
        if (done == RUNS) {
            System.out.println(r);
        }
        if (REPORT != null) {
            Files.writeString(Path.of(REPORT), r.toString());
        }
    }

    /** This process's nice value (field 19 of /proc/self/stat), 0 when unknown. */
    static int niceness() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The machine's load average, as /proc/loadavg gives its first three figures. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
