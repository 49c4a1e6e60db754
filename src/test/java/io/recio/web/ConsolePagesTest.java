package io.recio.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The console's pages as the server renders them: one layout, no inline script, admin controls only for admins. */
@SpringBootTest(properties = "recio.services.autostart=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ConsolePagesTest {

    private static final List<String> PAGES = List.of("/", "/history", "/backtests", "/account", "/settings", "/system");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private final RequestPostProcessor trader = user("trader").roles("USER");
    private final RequestPostProcessor admin = user("admin").roles("MASTER_ADMIN");

    @BeforeEach
    void history() {
        HistorySeed.ensure(jdbc, 10, List.of("admin", "trader"), Instant.now());
    }

    private MockHttpServletResponse page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse();
    }

    @Test
    void everyPageHasTheShellWithNavigationModeStatusAndSignOut() throws Exception {
        for (String path : PAGES) {
            String html = page(path, trader).getContentAsString();
            assertThat(html).as(path).contains("class=\"nav-top\"", "class=\"tabbar\"", "class=\"mode-badge",
                    "id=\"status-icon\"", "action=\"/logout\"", "/js/console.js");
            for (String nav : PAGES) {
                assertThat(html).as(path + " links " + nav).contains("href=\"" + nav + "\"");
            }
        }
    }

    @Test
    void noPageHasAnInlineScriptHandlerOrStyle() throws Exception {
        for (String path : PAGES) {
            String html = page(path, admin).getContentAsString();
            assertThat(INLINE_SCRIPT.matcher(html).find()).as(path + " inline script").isFalse();
            assertThat(INLINE_HANDLER.matcher(html).find()).as(path + " inline handler").isFalse();
            assertThat(INLINE_STYLE.matcher(html).find()).as(path + " inline style").isFalse();
        }
    }

    @Test
    void theContentSecurityPolicyAllowsOnlyRecioOwnScriptsAndStyles() throws Exception {
        String csp = page("/", trader).getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self';", "style-src 'self';").doesNotContain("unsafe");
    }

    @Test
    void adminControlsAreRenderedForAMasterAdminOnly() throws Exception {
        for (String path : PAGES) {
            assertThat(page(path, trader).getContentAsString()).as(path).doesNotContain("data-admin-control");
        }
        assertThat(page("/", admin).getContentAsString()).contains("id=\"kill-button\"", "id=\"auto-entry-switch\"",
                "id=\"auto-entry-dialog\"");
        assertThat(page("/settings", admin).getContentAsString()).contains("Save auto-trading");
    }

    @Test
    void theCredentialsPageIsAMasterAdminsOnlyAndNeverShowsAKey() throws Exception {
        String html = page("/credentials", admin).getContentAsString();
        assertThat(html).contains("id=\"credentials-form\"", "data-admin-control", "/js/credentials.js");
        assertThat(INLINE_SCRIPT.matcher(html).find() || INLINE_HANDLER.matcher(html).find()
                || INLINE_STYLE.matcher(html).find()).isFalse();
        assertThat(page("/", admin).getContentAsString()).contains("href=\"/credentials\"");
        assertThat(page("/", trader).getContentAsString()).doesNotContain("href=\"/credentials\"");
        mvc.perform(get("/credentials").with(trader)).andExpect(status().isForbidden());
    }

    @Test
    void aUsersHistoryListsOnlyTheirTradesAndAnotherUsersTradeIsNotFound() throws Exception {
        String html = page("/history", trader).getContentAsString();
        assertThat(html).contains("data-id=\"" + HistorySeed.newestOf(jdbc, "trader") + "\"")
                .doesNotContain("data-id=\"" + HistorySeed.newestOf(jdbc, "admin") + "\"");
        mvc.perform(get("/history/" + HistorySeed.newestOf(jdbc, "admin")).with(trader)).andExpect(status().isNotFound());
        assertThat(page("/history/" + HistorySeed.newestOf(jdbc, "trader"), trader).getContentAsString())
                .contains("Orders", "Fills", "Log", "ENTRY", "EXIT");
    }

    @Test
    void aWrongHistoryFilterIsExplainedOnThePageNotAnError() throws Exception {
        assertThat(page("/history?from=2026-12-01&to=2026-11-01", trader).getContentAsString())
                .contains("to (2026-11-01) is before from (2026-12-01)");
        assertThat(page("/history?side=sideways", trader).getContentAsString()).contains("side must be one of YES, NO");
    }

    @Test
    void theHistoryExportLinkCarriesTheFilterAndTheUsersTimeZone() throws Exception {
        assertThat(page("/history?side=YES&ticker=T9", trader).getContentAsString())
                .contains("/api/history/trades.csv?side=YES&amp;ticker=T9&amp;time_zone=America/New_York");
    }
}
