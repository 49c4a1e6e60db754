package io.recio.kalshi.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kalshi's request signature (reference §2): RSA-PSS over {@code timestampMs + METHOD + path} with SHA-256,
 * MGF1-SHA-256 and a 32-byte salt, the path including {@code /trade-api/v2} and excluding the query.
 */
public final class RequestSigner {

    public static final String KEY_HEADER = "KALSHI-ACCESS-KEY";
    public static final String TIMESTAMP_HEADER = "KALSHI-ACCESS-TIMESTAMP";
    public static final String SIGNATURE_HEADER = "KALSHI-ACCESS-SIGNATURE";
    static final PSSParameterSpec PSS = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final KalshiCredentials credentials;
    private final Clock clock;

    public RequestSigner(KalshiCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The three auth headers for {@code method} on {@code path} (query, if any, is dropped before signing). */
    public Map<String, String> headers(String method, String path) {
        String timestamp = Long.toString(clock.millis());
        int query = path.indexOf('?');
        String signedPath = query < 0 ? path : path.substring(0, query);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(KEY_HEADER, credentials.keyId());
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(SIGNATURE_HEADER, sign(timestamp + method.toUpperCase(java.util.Locale.ROOT) + signedPath));
        return headers;
    }

    String sign(String message) {
        try {
            Signature signature = Signature.getInstance("RSASSA-PSS");
            signature.setParameter(PSS);
            signature.initSign(credentials.privateKey());
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a Kalshi request with the configured key ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
