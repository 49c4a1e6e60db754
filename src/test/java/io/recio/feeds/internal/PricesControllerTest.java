package io.recio.feeds.internal;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The price API: latest, history, REC.IO's aliases, and 400s naming the bad input. */
@SpringBootTest(properties = "recio.services.autostart=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PricesControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SourceBoard board;

    @Autowired
    PriceLog priceLog;

    private static Instant start;

    @BeforeEach
    void logTwoMinutesOfBtc() {
        if (start != null) {
            return;
        }
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(121);
        for (int i = 0; i <= 120; i++) {
            Instant at = start.plusSeconds(i);
            board.coinbasePrice(Symbol.BTC, new SpotPrice((90_000L + i) * SpotPrice.ONE_DOLLAR), at);
            priceLog.tick(at);
        }
        priceLog.flush();
    }

    @Test
    void theLatestPriceComesWithDeltasMomentumSourceAndStaleness() throws Exception {
        mvc.perform(get("/api/prices/btc").with(user("u")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.symbol").value("BTC"))
                .andExpect(jsonPath("$.price").value("90120.00"))
                .andExpect(jsonPath("$.source").value("coinbase"))
                // The deltas look back from now, and seconds may pass between logging and asking on a busy machine:
                // each second shifts a delta by about 0.001 %.
                .andExpect(jsonPath("$.deltas_percent['1m']").value(closeTo(60 * 100.0 / 90_060, 0.01), Double.class))
                .andExpect(jsonPath("$.deltas_percent['2m']").value(closeTo(120 * 100.0 / 90_000, 0.01), Double.class))
                .andExpect(jsonPath("$.momentum").isNumber())
                .andExpect(jsonPath("$.stale").isBoolean());
    }

    @Test
    void recioBtcPriceAndMomentumAreAliases() throws Exception {
        mvc.perform(get("/api/btc_price").with(user("u")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.price").value("90120.00"));
        mvc.perform(get("/api/momentum").with(user("u")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.symbol").value("BTC"))
                .andExpect(jsonPath("$.momentum_bp").isNumber());
    }

    @Test
    void historyReturnsTheLoggedSecondsInTheRange() throws Exception {
        mvc.perform(get("/api/prices/BTC/history").with(user("u"))
                        .param("from", start.toString()).param("to", start.plusSeconds(10).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resolution").value("1s"))
                .andExpect(jsonPath("$.points", hasSize(10)))
                .andExpect(jsonPath("$.points[0].price").value("90000.0000"));
    }

    @Test
    void longHistoryIsDownsampledToMinutes() throws Exception {
        mvc.perform(get("/api/prices/BTC/history").with(user("u"))
                        .param("from", start.minusSeconds(86_400).toString()).param("to", start.plusSeconds(121).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resolution").value("1m"))
                .andExpect(jsonPath("$.points", hasSize(org.hamcrest.Matchers.lessThanOrEqualTo(4))));
    }

    @Test
    void moreThanSevenDaysIsRefused() throws Exception {
        mvc.perform(get("/api/prices/BTC/history").with(user("u"))
                        .param("from", "2026-01-01T00:00:00Z").param("to", "2026-01-09T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("more than 7 days")));
    }

    @Test
    void anUnknownSymbolIsA400NamingIt() throws Exception {
        mvc.perform(get("/api/prices/DOGE").with(user("u")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid"))
                .andExpect(jsonPath("$.detail", containsString("DOGE")));
    }

    @Test
    void aBadInstantIsA400NamingIt() throws Exception {
        mvc.perform(get("/api/prices/BTC/history").with(user("u")).param("from", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("from 'yesterday'")));
    }

    @Test
    void aSymbolWithoutPriceYetIsA503() throws Exception {
        mvc.perform(get("/api/prices/ETH").with(user("u")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("no_price"));
    }

    @Test
    void thePriceApiNeedsASession() throws Exception {
        mvc.perform(get("/api/prices/BTC")).andExpect(status().isUnauthorized());
    }
}
