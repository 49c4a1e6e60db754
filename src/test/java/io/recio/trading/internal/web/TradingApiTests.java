package io.recio.trading.internal.web;

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
import io.recio.trading.internal.TradingServices;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
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
    TradingServices services;
    @Autowired
    KillSwitch killSwitch;
    @Autowired
    Clock clock;

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
                .andExpect(jsonPath("$.auto_entry").value("DISABLED"));
    }

    @Test
    void theTradeMonitorCarriesTheTradeFormAndTheActiveTradesPanel() throws Exception {
        mvc.perform(get("/").with(user("trader")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("id=\"trade-form\""),
                                org.hamcrest.Matchers.containsString("id=\"active-trades\""),
                                org.hamcrest.Matchers.containsString("/js/trading.js"))));
        mvc.perform(get("/js/trading.js")).andExpect(status().isOk());
    }
}
