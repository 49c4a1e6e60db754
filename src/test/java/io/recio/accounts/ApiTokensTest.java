package io.recio.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Personal API tokens: made in a session, shown once, stored hashed, scoped, revocable, used without CSRF. */
@SpringBootTest(properties = "recio.services.autostart=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiTokensTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    private JsonNode create(String owner, String role, String body) throws Exception {
        return JSON.readTree(mvc.perform(post("/api/me/tokens").with(user(owner).roles(role)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aTokenIsShownOnceAtCreationAndStoredOnlyAsItsHash() throws Exception {
        JsonNode created = create("admin", "MASTER_ADMIN", "{\"name\": \"grafana\", \"scope\": \"read\", \"expires_in_days\": 30}");
        String secret = created.get("token").asString();
        assertThat(secret).startsWith("recio_").hasSizeGreaterThan(40);
        assertThat(created.get("token_info").get("scope").asString()).isEqualTo("read");
        assertThat(jdbc.sql("SELECT token_hash FROM users.api_token WHERE id = ?")
                .param(created.get("token_info").get("id").asLong()).query(String.class).single())
                .hasSize(64).doesNotContain(secret);
        String listed = mvc.perform(get("/api/me/tokens").with(user("admin").roles("MASTER_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(listed).contains("grafana").doesNotContain(secret);
    }

    @Test
    void aReadTokenReadsTheApiAndTheMetricsWithoutASessionButChangesNothing() throws Exception {
        String secret = tokens.create("admin", "monitor", TokenScope.READ, Duration.ofDays(1)).secret();
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("admin"));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());
        mvc.perform(post("/api/kill_switch").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"engaged\": true}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(post("/api/trades").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTradeTokenPostsWithoutACsrfTokenWhileASessionStillNeedsOne() throws Exception {
        accounts.create("scripter", "scripter-password-1", Role.USER);
        String secret = tokens.create("scripter", "bot", TokenScope.TRADE, Duration.ofDays(1)).secret();
        // Past security and CSRF: the empty order is refused by the trading API itself, naming a field.
        mvc.perform(post("/api/trades").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").exists());
        mvc.perform(post("/api/trades").with(user("scripter").roles("USER"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void noTokenChangesPasswordsTokensOrUsersOrOpensAPage() throws Exception {
        String secret = tokens.create("admin", "everything", TokenScope.ADMIN, Duration.ofDays(1)).secret();
        mvc.perform(post("/api/me/tokens").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"more\", \"scope\": \"admin\", \"expires_in_days\": 1}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/users").header("Authorization", "Bearer " + secret))
                .andExpect(status().isForbidden());
        mvc.perform(get("/settings").header("Authorization", "Bearer " + secret))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aRevokedExpiredOrDisabledOwnersTokenIsRefusedWith401() throws Exception {
        accounts.create("revoker", "revoker-password-1", Role.USER);
        ApiTokens.Created revoked = tokens.create("revoker", "old", TokenScope.READ, Duration.ofDays(1));
        mvc.perform(delete("/api/me/tokens/" + revoked.token().id()).with(user("revoker").roles("USER")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + revoked.secret()))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("unauthorized"));

        ApiTokens.Created expired = tokens.create("revoker", "short", TokenScope.READ, Duration.ofDays(1));
        jdbc.sql("UPDATE users.api_token SET expires_at = created_at WHERE id = ?").param(expired.token().id()).update();
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + expired.secret()))
                .andExpect(status().isUnauthorized());

        ApiTokens.Created live = tokens.create("revoker", "live", TokenScope.READ, Duration.ofDays(1));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + live.secret())).andExpect(status().isOk());
        accounts.setEnabled("revoker", false);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + live.secret()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").header("Authorization", "Bearer recio_made-up"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anotherUsersTokenCannotBeRevoked() throws Exception {
        ApiTokens.Created mine = tokens.create("admin", "mine", TokenScope.READ, Duration.ofDays(1));
        mvc.perform(delete("/api/me/tokens/" + mine.token().id()).with(user("trader").roles("USER")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(tokens.of("admin")).filteredOn(t -> t.id() == mine.token().id())
                .allMatch(t -> t.revokedAt() == null);
    }

    @Test
    void theLastUseIsShownWithItsAddress() throws Exception {
        ApiTokens.Created t = tokens.create("admin", "used", TokenScope.READ, Duration.ofDays(1));
        mvc.perform(get("/api/trading/status").header("Authorization", "Bearer " + t.secret())
                .with(r -> { r.setRemoteAddr("192.0.2.7"); return r; })).andExpect(status().isOk());
        mvc.perform(get("/api/me/tokens").with(user("admin").roles("MASTER_ADMIN")))
                .andExpect(jsonPath("$[?(@.name == 'used')].last_used_from").value("192.0.2.7"))
                .andExpect(jsonPath("$[?(@.name == 'used')].last_used_at").isNotEmpty());
    }

    @Test
    void aBadScopeOrLifetimeIsNamed() throws Exception {
        mvc.perform(post("/api/me/tokens").with(user("admin").roles("MASTER_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\", \"scope\": \"root\", \"expires_in_days\": 5}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("scope"));
        mvc.perform(post("/api/me/tokens").with(user("admin").roles("MASTER_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\", \"scope\": \"read\", \"expires_in_days\": 9999}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("expires_in_days"));
    }
}
