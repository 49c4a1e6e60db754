package io.recio.kalshi.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.recio.RecioProperties;
import io.recio.accounts.SecretBox;
import io.recio.kalshi.internal.KalshiConnector;
import io.recio.simulator.exchange.KalshiExchangeSimulator;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.testsupport.FixedPrices;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The master admin stores the account's Kalshi key from the browser: it is checked against the exchange (the
 * built-in simulator over a real socket stands in for both of Kalshi's environments), stored encrypted, never
 * returned, switched between environments only when confirmed, and paper mode's connector uses it at once.
 */
@SpringBootTest(properties = {"recio.services.autostart=false", "recio.mode=paper"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class KalshiCredentialsApiTest {

    /** recio signs with the real clock, so the exchange checks signatures against it too. */
    static final Clock CLOCK = Clock.systemUTC();
    static final KalshiExchangeSimulator EXCHANGE = new KalshiExchangeSimulator(
            new FixedPrices(CLOCK, "90000.00", "3000.00"), new FaultSwitches(), CLOCK,
            KalshiSimulatorSettings.defaults().withRateLimited(false));
    static final KalshiExchangeSimulator.Credentials KEY;

    static {
        EXCHANGE.start("127.0.0.1", 0, false);
        KEY = EXCHANGE.provisionAccount();
    }

    static final RequestPostProcessor ADMIN = user("admin").roles("MASTER_ADMIN");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void exchange(DynamicPropertyRegistry registry) {
        registry.add("recio.kalshi.environments.demo-rest-url", EXCHANGE::restUrl);
        registry.add("recio.kalshi.environments.demo-ws-url", EXCHANGE::wsUrl);
        registry.add("recio.kalshi.environments.production-rest-url", EXCHANGE::restUrl);
        registry.add("recio.kalshi.environments.production-ws-url", EXCHANGE::wsUrl);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KalshiConnector connector;
    @Autowired
    CredentialVault vault;
    @Autowired
    RecioProperties recio;
    @Autowired
    SecretBox box;

    @AfterAll
    static void stopExchange() {
        EXCHANGE.stop();
    }

    @AfterEach
    void forget() {
        jdbc.sql("DELETE FROM users.kalshi_credential").update();
        connector.reload();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
        return request.with(ADMIN).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body));
    }

    private void store(String keyId, String pem) throws Exception {
        mvc.perform(json(put("/api/admin/kalshi/credentials"),
                        Map.of("environment", "demo", "key_id", keyId, "private_key", pem)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.credentials.stored").value(true))
                .andExpect(jsonPath("$.credentials.environment").value("demo"))
                .andExpect(jsonPath("$.balance").exists());
    }

    @Test
    void aWorkingKeyIsStoredEncryptedAndTheConnectorUsesItAtOnce() throws Exception {
        store(KEY.keyId(), KEY.privateKeyPem());

        String row = jdbc.sql("SELECT key_id_sealed || private_key_sealed FROM users.kalshi_credential")
                .query(String.class).single();
        assertThat(row).doesNotContain(KEY.keyId()).doesNotContain("PRIVATE KEY");
        String pemBody = KEY.privateKeyPem().lines().skip(1).findFirst().orElseThrow();
        assertThat(row).doesNotContain(pemBody);
        assertThat(connector.endpoint().restUrl().toString()).isEqualTo(EXCHANGE.restUrl());
        assertThat(connector.rest().balance().available()).isNotNull();
    }

    @Test
    void noAnswerCarriesTheKeyIdOrTheKey() throws Exception {
        store(KEY.keyId(), KEY.privateKeyPem());
        String body = mvc.perform(get("/api/admin/kalshi/credentials").with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"stored\":true").doesNotContain(KEY.keyId()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void aKeyTheExchangeDoesNotKnowIsRefusedNamingTheKeyIdAndNothingIsStored() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String stranger = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        mvc.perform(json(put("/api/admin/kalshi/credentials"),
                        Map.of("environment", "demo", "key_id", KEY.keyId(), "private_key", stranger)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("key_id"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("refused this key")));
        assertThat(vault.summary()).isEmpty();
    }

    @Test
    void aPrivateKeyThatIsNotPemIsRefusedNamingThePrivateKey() throws Exception {
        mvc.perform(json(put("/api/admin/kalshi/credentials"),
                        Map.of("environment", "demo", "key_id", KEY.keyId(), "private_key", "my secret key")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("private_key"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("PEM")));
        assertThat(vault.summary()).isEmpty();
    }

    @Test
    void anUnknownEnvironmentIsRefusedNamingTheAllowedOnes() throws Exception {
        mvc.perform(json(put("/api/admin/kalshi/credentials"),
                        Map.of("environment", "staging", "key_id", KEY.keyId(), "private_key", KEY.privateKeyPem())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("environment"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("demo, production")));
    }

    @Test
    void switchingTheEnvironmentNeedsConfirmationAndThenTakesEffectWithoutEditingFiles() throws Exception {
        store(KEY.keyId(), KEY.privateKeyPem());
        connector.endpoint();
        mvc.perform(json(put("/api/admin/kalshi/credentials/environment"), Map.of("environment", "production")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("confirm"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("real money")));
        assertThat(vault.summary().orElseThrow().environment()).isEqualTo(KalshiEnvironment.DEMO);

        mvc.perform(json(put("/api/admin/kalshi/credentials/environment"),
                        Map.of("environment", "production", "confirm", true)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.credentials.environment").value("production"));
        assertThat(vault.open().orElseThrow().environment()).isEqualTo(KalshiEnvironment.PRODUCTION);
        assertThat(connector.knownEndpoint()).isEmpty(); // read again on the next call
    }

    @Test
    void aUserMayNeitherSeeNorSetTheKey() throws Exception {
        mvc.perform(get("/api/admin/kalshi/credentials").with(user("ann").roles("USER")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/admin/kalshi/credentials").with(user("ann").roles("USER")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theMasterKeyFileIsOwnerOnlyAndRotationKeepsTheKeyReadable() throws Exception {
        store(KEY.keyId(), KEY.privateKeyPem());
        var file = recio.dataDir().resolve("master.key");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String before = Files.readString(file);

        String next = box.rotate(null);

        assertThat(Files.readString(file)).isNotEqualTo(before);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(box.masterKeyId()).isEqualTo(next);
        assertThat(vault.summary().orElseThrow().masterKeyId()).isEqualTo(next);
        assertThat(vault.open().orElseThrow().environment()).isEqualTo(KalshiEnvironment.DEMO);
    }

    @Test
    void credentialsSealedWithAnotherMasterKeyAreReportedAsSuchNotAsABrokenKey() throws Exception {
        store(KEY.keyId(), KEY.privateKeyPem());
        jdbc.sql("UPDATE users.kalshi_credential SET master_key_id = 'ffffffffffffffff'").update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.open())
                .hasMessageContaining("master key ffffffffffffffff").hasMessageContaining("enter the credentials again");
    }
}
