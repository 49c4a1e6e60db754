package io.recio.trading.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.recio.feeds.PriceTick;
import io.recio.kalshi.MarketQuote;
import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.SpotPrice;
import io.recio.market.Strike;
import io.recio.market.Symbol;
import io.recio.trading.internal.KillSwitch;
import io.recio.trading.internal.MarketBoard;
import io.recio.trading.internal.TradeManagerService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Trading's REST API over the paper venue: manual trades, validation, settings, the kill switch. */
@SpringBootTest(properties = {"recio.services.autostart=false", "recio.trading.venue=paper"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TradingApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    MarketBoard board;
    @Autowired
    TradeManagerService services;
    @Autowired
    KillSwitch killSwitch;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;

    MarketTicker ticker;

    @BeforeEach
    void liveMarket() {
        EventTicker event = EventTicker.aboveBelow(Symbol.BTC, EventTicker.nextClose(clock.instant())).next();
        ticker = MarketTicker.threshold(event, SpotPrice.parse("90000"));
        board.onTick(new PriceTick(Symbol.BTC, clock.instant(), SpotPrice.parse("93500"), Map.of(), 0.0,
                SpotPrice.parse("93500"), "test", Duration.ZERO));
        board.onQuote(new MarketQuote(ticker, Strike.above(SpotPrice.parse("90000")), event.close(),
                Price.parse("0.94"), Count.ofContracts(50), Price.parse("0.95"), Count.ofContracts(50), null,
                Count.ofContracts(5000), clock.instant()));
        killSwitch.release("test");
        services.reconcileNow();
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.with(user("trader")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder b, String body) {
        return b.with(user("boss").roles("MASTER_ADMIN")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private long buy(String user) throws Exception {
        String body = mvc.perform(post("/api/trades").with(user(user)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"ticker": "%s", "side": "yes", "count": 1, "worst_price": "0.96"}""".formatted(ticker)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    @Test
    void aManualBuyFillsOnPaperAndIsListedAsOpen() throws Exception {
        mvc.perform(json(post("/api/trades"), """
                {"ticker": "%s", "side": "yes", "count": 2, "worst_price": "0.96"}""".formatted(ticker)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.entry_price").value("0.9500"))
                .andExpect(jsonPath("$.entry_method").value("MANUAL"))
                .andExpect(jsonPath("$.user").value("trader"));
        mvc.perform(get("/api/trades?status=open").with(user("trader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].ticker").value(ticker.toString()));
    }

    @Test
    void fiveIdenticalBuysSentAtOnceWithOneKeyMakeOneTradeAndOneOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        long ordersBefore = jdbc.sql("SELECT COUNT(*) FROM trading.trade_order").query(Long.class).single();
        List<Callable<String>> clicks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clicks.add(() -> mvc.perform(json(post("/api/trades"), """
                    {"ticker": "%s", "side": "yes", "count": 1, "worst_price": "0.96"}""".formatted(ticker))
                    .header("Idempotency-Key", key)).andExpect(status().isCreated())
                    .andReturn().getResponse().getContentAsString().replaceAll(".*\"id\":(\\d+).*", "$1"));
        }
        List<String> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
            for (Future<String> answer : pool.invokeAll(clicks)) {
                ids.add(answer.get());
            }
        }
        assertThat(ids).as("every answer is the first trade").containsOnly(ids.getFirst());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM trading.trade_order").query(Long.class).single() - ordersBefore)
                .as("orders sent").isEqualTo(1);
    }

    @Test
    void aNewKeyIsANewOrder() throws Exception {
        long first = buyWithKey(UUID.randomUUID().toString());
        long second = buyWithKey(UUID.randomUUID().toString());
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aRejectedBuyIsA409ProblemNotACreatedTrade() throws Exception {
        mvc.perform(json(post("/api/trades"), """
                {"ticker": "%s", "side": "yes", "count": 1, "worst_price": "0.50"}""".formatted(ticker)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("rejected"))
                .andExpect(jsonPath("$.detail").value(startsWith("not filled: ")));
    }

    @Test
    void anOverlongIdempotencyKeyIsA400NamingTheHeader() throws Exception {
        mvc.perform(json(post("/api/trades"), """
                {"ticker": "%s", "side": "yes", "count": 1, "worst_price": "0.96"}""".formatted(ticker))
                        .header("Idempotency-Key", "k".repeat(200)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("Idempotency-Key"));
    }

    private long buyWithKey(String key) throws Exception {
        String body = mvc.perform(json(post("/api/trades"), """
                {"ticker": "%s", "side": "yes", "count": 1, "worst_price": "0.96"}""".formatted(ticker))
                .header("Idempotency-Key", key)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    @Test
    void anOpenTradeClosesThroughTheApi() throws Exception {
        String body = mvc.perform(json(post("/api/trades"), """
                {"ticker": "%s", "side": "yes", "count": 1, "worst_price": "0.96"}""".formatted(ticker)))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(json(post("/api/trades/" + id + "/close"), """
                {"worst_price": "0.90"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.exit_price").value("0.9400"))
                .andExpect(jsonPath("$.close_method").value("MANUAL"));
    }

    @Test
    void aBadFieldIsA400NamingIt() throws Exception {
        mvc.perform(json(post("/api/trades"), """
                {"ticker": "%s", "side": "maybe", "count": 1, "worst_price": "0.96"}""".formatted(ticker)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("side"));
        mvc.perform(json(post("/api/trades"), """
                {"ticker": "%s", "side": "yes", "count": 0, "worst_price": "0.96"}""".formatted(ticker)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("count"));
        mvc.perform(json(post("/api/trades"), """
                {"ticker": "%s", "side": "yes", "count": 1, "worst_price": "1.5"}""".formatted(ticker)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("worst_price"));
        mvc.perform(json(post("/api/trades"), """
                {"ticker": "BTC", "side": "yes", "count": 1, "worst_price": "0.5"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("ticker"));
        mvc.perform(get("/api/trades?status=LOST").with(user("trader")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("status"));
    }

    @Test
    void theKillSwitchBlocksManualEntriesAndSaysWhy() throws Exception {
        mvc.perform(asAdmin(post("/api/kill_switch"), """
                {"engaged": true, "reason": "lunch"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.engaged").value(true));
        mvc.perform(json(post("/api/trades"), """
                {"ticker": "%s", "side": "yes", "count": 1, "worst_price": "0.96"}""".formatted(ticker)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("blocked"))
                .andExpect(jsonPath("$.detail").value("kill switch engaged: manual by boss: lunch"));
        mvc.perform(asAdmin(post("/api/kill_switch"), """
                {"engaged": false}"""))
                .andExpect(jsonPath("$.engaged").value(false));
    }

    @Test
    void aUserMayNeitherEngageNorReleaseTheKillSwitch() throws Exception {
        mvc.perform(json(post("/api/kill_switch"), """
                {"engaged": true, "flatten": true}"""))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        killSwitch.engage("by the admin");
        mvc.perform(json(post("/api/kill_switch"), """
                {"engaged": false}"""))
                .andExpect(status().isForbidden());
        org.assertj.core.api.Assertions.assertThat(killSwitch.engaged()).contains("by the admin");
    }

    @Test
    void anOverlongKillReasonIsCutAndTheSwitchStillEngages() throws Exception {
        mvc.perform(asAdmin(post("/api/kill_switch"), """
                {"engaged": true, "reason": "%s"}""".formatted("x".repeat(5000))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.engaged").value(true));
        org.assertj.core.api.Assertions.assertThat(killSwitch.engaged()).get().asString()
                .startsWith("manual by boss: xxx").hasSizeLessThanOrEqualTo(500);
    }

    @Test
    void aUserSeesAndClosesOnlyTheirOwnTrades() throws Exception {
        long theirs = buy("alice");
        long mine = buy("trader");
        mvc.perform(get("/api/trades").with(user("trader")))
                .andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) theirs))))
                .andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.hasItem((int) mine)));
        mvc.perform(get("/api/trades/" + theirs).with(user("trader"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/active_trades").with(user("trader")))
                .andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) theirs))));
        mvc.perform(json(post("/api/trades/" + theirs + "/close"), """
                {"worst_price": "0.90"}"""))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/trades/" + theirs).with(user("alice"))).andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void anAdminSeesAndClosesEveryonesTrades() throws Exception {
        long theirs = buy("alice");
        mvc.perform(get("/api/trades/" + theirs).with(user("boss").roles("MASTER_ADMIN")))
                .andExpect(status().isOk());
        mvc.perform(asAdmin(post("/api/trades/" + theirs + "/close"), """
                {"worst_price": "0.90"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void aFractionalOrOverflowingCountIsRefusedNamingTheField() throws Exception {
        for (String count : new String[] {"1.5", "\"2\"", "99999999999999999999", "9223372036854775807"}) {
            mvc.perform(json(post("/api/trades"), """
                    {"ticker": "%s", "side": "yes", "count": %s, "worst_price": "0.96"}""".formatted(ticker, count)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("count"));
        }
    }

    @Test
    void anUnknownFieldIsRefusedNotIgnored() throws Exception {
        mvc.perform(json(post("/api/trades"), """
                {"ticker": "%s", "side": "yes", "count": 1, "worst_price": "0.96", "timeinforce": "GTC"}"""
                .formatted(ticker)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("timeinforce"))
                .andExpect(jsonPath("$.detail").value(startsWith("unknown field 'timeinforce'; allowed: count,")));
    }

    @Test
    void malformedJsonIsA400NotA500() throws Exception {
        mvc.perform(json(post("/api/trades"), "{\"ticker\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("body"));
        mvc.perform(json(put("/api/trade_settings"), """
                {"min_volume": 99999999999999999}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("min_volume"));
    }

    @Test
    void settingsStartAtRecioDefaultsAndAreValidatedOnSave() throws Exception {
        mvc.perform(get("/api/trade_settings").with(user("settings-user")))
                .andExpect(jsonPath("$.min_probability").value(95.0))
                .andExpect(jsonPath("$.min_edge").value("0.0025"))
                .andExpect(jsonPath("$.stop_probability").value(40.0));
        mvc.perform(json(put("/api/trade_settings"), """
                {"min_probability": 120}""").with(user("settings-user")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("min_probability"))
                .andExpect(jsonPath("$.detail").value(startsWith("min_probability must be 0 to 100")));
        mvc.perform(json(put("/api/trade_settings"), """
                {"auto_entry_enabled": true, "multiplier": 3}""").with(user("settings-user")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.auto_entry_enabled").value(true))
                .andExpect(jsonPath("$.multiplier").value(3))
                .andExpect(jsonPath("$.min_probability").value(95.0));
    }

    @Test
    void theStatusSaysTradingIsOnAndWhichVenue() throws Exception {
        mvc.perform(get("/api/trading/status").with(user("trader")))
                .andExpect(jsonPath("$.venue").value("paper"))
                .andExpect(jsonPath("$.trading_on").value(true))
                .andExpect(jsonPath("$.mode").value("ACTIVE"))
                .andExpect(jsonPath("$.holds").isEmpty())
                .andExpect(jsonPath("$.auto_entry").value("DISABLED"));
    }

    @Test
    void theStatusShowsTheKillSwitchAsAHoldThatAllowsExitsOnly() throws Exception {
        mvc.perform(asAdmin(post("/api/kill_switch"), """
                {"engaged": true, "reason": "lunch"}"""))
                .andExpect(status().isOk());
        mvc.perform(get("/api/trading/status").with(user("trader")))
                .andExpect(jsonPath("$.trading_on").value(false))
                .andExpect(jsonPath("$.mode").value("REDUCING"))
                .andExpect(jsonPath("$.holds[0].kind").value("KILL_SWITCH"))
                .andExpect(jsonPath("$.holds[0].reason").value("kill switch engaged: manual by boss: lunch"))
                .andExpect(jsonPath("$.kill_switch").value("manual by boss: lunch"));
        mvc.perform(asAdmin(post("/api/kill_switch"), """
                {"engaged": false}"""))
                .andExpect(jsonPath("$.engaged").value(false));
    }

    @Test
    void aTradesDetailCarriesItsOrdersFillsAndLog() throws Exception {
        long id = buy("detail-user");
        mvc.perform(json(post("/api/trades/" + id + "/close"), """
                {"worst_price": "0.90"}""").with(user("detail-user"))).andExpect(status().isOk());
        mvc.perform(get("/api/trades/" + id).with(user("detail-user")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.orders.length()").value(2))
                .andExpect(jsonPath("$.orders[0].purpose").value("ENTRY"))
                .andExpect(jsonPath("$.orders[0].status").value("ACCEPTED"))
                .andExpect(jsonPath("$.orders[1].purpose").value("EXIT"))
                .andExpect(jsonPath("$.fills.length()").value(2))
                .andExpect(jsonPath("$.fills[0].price").value("0.9500"))
                .andExpect(jsonPath("$.log[0].to").value("PENDING"))
                .andExpect(jsonPath("$.log[-1:].to").value(org.hamcrest.Matchers.contains("CLOSED")));
    }

    @Test
    void aUsersHistoryHoldsOnlyTheirTradesPagedNewestFirstWithASummary() throws Exception {
        long first = buy("history-user");
        mvc.perform(json(post("/api/trades/" + first + "/close"), """
                {"worst_price": "0.90"}""").with(user("history-user"))).andExpect(status().isOk());
        long second = buy("history-user");
        buy("someone-else");
        mvc.perform(get("/api/history/trades?size=1").with(user("history-user")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.pages").value(2))
                .andExpect(jsonPath("$.trades.length()").value(1))
                .andExpect(jsonPath("$.trades[0].id").value(second));
        mvc.perform(get("/api/history/summary?status=CLOSED").with(user("history-user")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trades").value(1))
                .andExpect(jsonPath("$.finished").value(1))
                .andExpect(jsonPath("$.wins").value(0))
                // Bought at 0.95 and sold at 0.94; the paper venue's taker fees: 0.07·p·(1−p) per fill.
                .andExpect(jsonPath("$.gross_pnl").value("-0.0100"))
                .andExpect(jsonPath("$.fees").value("0.0074"))
                .andExpect(jsonPath("$.net_pnl").value("-0.0174"))
                .andExpect(jsonPath("$.equity[0].trade_id").value(first))
                .andExpect(jsonPath("$.by_entry_method[0].label").value("MANUAL"))
                .andExpect(jsonPath("$.by_entry_method[0].finished").value(1));
    }

    @Test
    void theCsvExportHoldsEveryTradeOfTheFilter() throws Exception {
        long id = buy("csv-user");
        String csv = mvc.perform(get("/api/history/trades.csv?ticker=" + ticker.strikeToken()).with(user("csv-user")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
                .andReturn().getResponse().getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", HistoryController.CSV_COLUMNS));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(id + ",").contains(",csv-user,BTC,").contains("," + ticker + ",");
    }

    @Test
    void historyParametersAreCheckedAndTheWrongOneIsNamed() throws Exception {
        mvc.perform(get("/api/history/trades?side=maybe").with(user("trader")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("side"));
        mvc.perform(get("/api/history/trades?from=2026-11-30&to=2026-11-01").with(user("trader")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("to"));
        mvc.perform(get("/api/history/trades?size=0").with(user("trader")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("size"));
        mvc.perform(get("/api/history/summary?colour=red").with(user("trader")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("colour"));
        mvc.perform(get("/api/history/trades.csv?time_zone=Mars/Olympus").with(user("trader")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("time_zone"));
    }

    @Test
    void autoTradingIsShownToEveryoneAndChangedOnlyByAMasterAdmin() throws Exception {
        mvc.perform(get("/api/auto_trading").with(user("trader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user").value("admin"))
                .andExpect(jsonPath("$.trading_on").value(true))
                .andExpect(jsonPath("$.settings.min_probability").isNumber());
        mvc.perform(json(put("/api/auto_trading"), """
                {"min_probability": 90}"""))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(asAdmin(put("/api/auto_trading"), """
                {"min_probability": 120}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("min_probability"));
        mvc.perform(asAdmin(put("/api/auto_trading"), """
                {"min_probability": 90, "auto_stop_enabled": false}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.settings.min_probability").value(90.0))
                .andExpect(jsonPath("$.settings.auto_stop_enabled").value(false));
        mvc.perform(get("/api/trade_settings").with(user("admin")))
                .andExpect(jsonPath("$.min_probability").value(90.0));
    }
}
