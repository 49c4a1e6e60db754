package io.recio.kalshi.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The kalshi REST API's answers when nothing is followed yet and for bad input (services not started). */
@SpringBootTest(properties = "recio.services.autostart=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class KalshiControllerTests {

    @Autowired
    MockMvc mvc;

    @Test
    void unknownSymbolIsABadRequestNamingIt() throws Exception {
        mvc.perform(get("/api/markets/DOGE/current").with(user("u")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("DOGE")));
    }

    @Test
    void symbolWithoutAKnownEventIsNotFound() throws Exception {
        mvc.perform(get("/api/markets/btc/current").with(user("u")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", Matchers.containsString("BTC")));
    }

    @Test
    void orderbookOfAMarketNotFollowedIsNotFoundNamingIt() throws Exception {
        mvc.perform(get("/api/markets/KXBTCD-26SEP2516-T1.99/orderbook").with(user("u")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", Matchers.containsString("KXBTCD-26SEP2516-T1.99")));
    }

    @Test
    void accountOfAnEmptyMirrorHasZeroBalanceAndNoPositions() throws Exception {
        mvc.perform(get("/api/account").with(user("u")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance.available_dollars").value("0.0000"))
                .andExpect(jsonPath("$.positions").isEmpty())
                .andExpect(jsonPath("$.resting_orders").isEmpty());
    }

    @Test
    void fillsLimitOutsideItsRangeIsABadRequest() throws Exception {
        mvc.perform(get("/api/account/fills?limit=0").with(user("u")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("limit")));
    }

    @Test
    void settlementsOfAnEmptyMirrorAreAnEmptyList() throws Exception {
        mvc.perform(get("/api/account/settlements").with(user("u")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.settlements").isEmpty());
    }

    @Test
    void accountNeedsASignedInUser() throws Exception {
        mvc.perform(get("/api/account")).andExpect(status().isUnauthorized());
    }
}
