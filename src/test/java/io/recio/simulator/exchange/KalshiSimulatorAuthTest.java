package io.recio.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KalshiSimulatorAuthTest {

    static SimulatorFixture sim;

    @BeforeAll
    static void start() {
        sim = new SimulatorFixture();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static void assertAuthenticationError(KalshiTestClient.Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        JsonNode error = reply.body().get("error");
        assertThat(error.get("code").asString()).isEqualTo("authentication_error");
        assertThat(error.get("message").isString()).isTrue();
        assertThat(error.get("details").isString()).isTrue();
    }

    @Test
    void aCorrectlySignedRequestReadsTheBalance() {
        KalshiTestClient.Reply reply = sim.client.get("/portfolio/balance");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("balance").asLong()).isEqualTo(1_000_000);
        assertThat(reply.body().get("balance_dollars").asString()).isEqualTo("10000.0000");
    }

    @Test
    void theQueryStringIsNotSigned() {
        assertThat(sim.client.get("/portfolio/balance?exchange_index=2").status()).isEqualTo(200);
    }

    @Test
    void aWrongSignatureIsRefused() {
        String timestamp = Long.toString(sim.clock.millis());
        HttpRequest request = sim.client.raw("/portfolio/balance")
                .header("KALSHI-ACCESS-KEY", sim.credentials.keyId())
                .header("KALSHI-ACCESS-TIMESTAMP", timestamp)
                .header("KALSHI-ACCESS-SIGNATURE", KalshiTestClient.sign(
                        KalshiTestClient.privateKey(sim.credentials.privateKeyPem()), timestamp + "GET/trade-api/v2/portfolio/fills"))
                .GET().build();
        KalshiTestClient.Reply reply = sim.client.exchange(request);
        assertAuthenticationError(reply);
        assertThat(reply.body().get("error").get("details").asString()).contains("INCORRECT_API_KEY_SIGNATURE");
    }

    @Test
    void aTimestampOutsideThirtySecondsIsRefused() {
        String stale = Long.toString(sim.clock.millis() - 31_000);
        HttpRequest request = sim.client.raw("/portfolio/balance")
                .header("KALSHI-ACCESS-KEY", sim.credentials.keyId())
                .header("KALSHI-ACCESS-TIMESTAMP", stale)
                .header("KALSHI-ACCESS-SIGNATURE", KalshiTestClient.sign(
                        KalshiTestClient.privateKey(sim.credentials.privateKeyPem()), stale + "GET/trade-api/v2/portfolio/balance"))
                .GET().build();
        assertAuthenticationError(sim.client.exchange(request));
    }

    @Test
    void anUnknownKeyIsRefused() {
        String timestamp = Long.toString(sim.clock.millis());
        HttpRequest request = sim.client.raw("/portfolio/balance")
                .header("KALSHI-ACCESS-KEY", "00000000-0000-0000-0000-000000000000")
                .header("KALSHI-ACCESS-TIMESTAMP", timestamp)
                .header("KALSHI-ACCESS-SIGNATURE", KalshiTestClient.sign(
                        KalshiTestClient.privateKey(sim.credentials.privateKeyPem()), timestamp + "GET/trade-api/v2/portfolio/balance"))
                .GET().build();
        assertAuthenticationError(sim.client.exchange(request));
    }

    @Test
    void missingHeadersAreRefused() {
        assertAuthenticationError(sim.anonymous.get("/portfolio/balance"));
    }

    @Test
    void publicMarketDataNeedsNoAuth() {
        assertThat(sim.anonymous.get("/markets?limit=1").status()).isEqualTo(200);
        assertThat(sim.anonymous.get("/exchange/status").status()).isEqualTo(200);
    }

    @Test
    void theWebSocketUpgradeNeedsAValidSignature() {
        KalshiTestClient stranger = new KalshiTestClient(sim.simulator.restUrl(),
                new KalshiExchangeSimulator.Credentials("not-a-key", sim.credentials.privateKeyPem(), "", ""), sim.clock);
        try {
            stranger.connect(sim.simulator.wsUrl());
            throw new AssertionError("the upgrade should have been refused");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(java.net.http.WebSocketHandshakeException.class);
            assertThat(((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theDemoCredentialIsWrittenOwnerOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        KalshiExchangeSimulator.Credentials written = sim.simulator.writeDemoCredentials(dir);
        java.nio.file.Path file = dir.resolve("simulator/demo-credentials.json");
        JsonNode json = KalshiTestClient.JSON.readTree(java.nio.file.Files.readString(file));
        assertThat(json.get("key_id").asString()).isEqualTo(written.keyId());
        assertThat(json.get("private_key_pem").asString()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(json.get("rest_url").asString()).isEqualTo(sim.simulator.restUrl());
        assertThat(json.get("ws_url").asString()).isEqualTo(sim.simulator.wsUrl());
        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        KalshiTestClient demo = new KalshiTestClient(json.get("rest_url").asString(), written, sim.clock);
        assertThat(demo.get("/portfolio/balance").status()).isEqualTo(200);
    }
}
