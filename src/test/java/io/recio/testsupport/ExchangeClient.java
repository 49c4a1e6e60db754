package io.recio.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Kalshi member talking to an exchange simulator over real HTTP with signed requests, for tests that
 * check recio's books against the exchange's (written from the Trade API's signing rules, not recio's client).
 *
 * @param restUrl e.g. {@code http://127.0.0.1:8090/trade-api/v2}
 * @param keyId   the API key id
 * @param key     its private key
 * @param clock   what the signatures' timestamps are taken from (the exchange's clock, which may run ahead)
 */
public record ExchangeClient(String restUrl, String keyId, PrivateKey key, Clock clock) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** A client for the key in PEM (PKCS#8), signing with the machine's clock. */
    public static ExchangeClient of(String restUrl, String keyId, String privateKeyPem) {
        return of(restUrl, keyId, privateKeyPem, Clock.systemUTC());
    }

    /** A client for the key in PEM (PKCS#8), signing with the time of {@code clock}. */
    public static ExchangeClient of(String restUrl, String keyId, String privateKeyPem, Clock clock) {
        String body = privateKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return new ExchangeClient(restUrl, keyId, KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body))), clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8 PEM", e);
        }
    }

    /** A signed GET that must answer 200. */
    public JsonNode get(String pathAndQuery) {
        HttpResponse<String> response = send("GET", pathAndQuery, null);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A signed POST of a JSON body; the answer whatever its status. */
    public HttpResponse<String> post(String path, Object body) {
        return send("POST", path, JSON.writeValueAsString(body));
    }

    /** A signed request of any method. */
    public HttpResponse<String> send(String method, String pathAndQuery, String body) {
        String full = URI.create(restUrl).getPath() + pathAndQuery;
        String path = full.contains("?") ? full.substring(0, full.indexOf('?')) : full;
        String timestamp = Long.toString(clock.millis());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(restUrl + pathAndQuery)).timeout(TIMEOUT)
                .header("KALSHI-ACCESS-KEY", keyId)
                .header("KALSHI-ACCESS-TIMESTAMP", timestamp)
                .header("KALSHI-ACCESS-SIGNATURE", sign(timestamp + method + path));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String sign(String message) {
        try {
            Signature signer = Signature.getInstance("RSASSA-PSS");
            signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            signer.initSign(key);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
