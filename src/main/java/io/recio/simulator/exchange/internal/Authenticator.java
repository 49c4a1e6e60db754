package io.recio.simulator.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.util.Base64;

/**
 * Kalshi's request authentication: the three KALSHI-ACCESS-* headers, an RSA-PSS (SHA-256, MGF1
 * SHA-256, 32-byte salt) signature over timestamp + METHOD + path (no query), and a timestamp within
 * the tolerance of the exchange clock.
 */
public final class Authenticator {

    private static final PSSParameterSpec PSS = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final Exchange exchange;
    private final Duration tolerance;

    public Authenticator(Exchange exchange, Duration tolerance) {
        this.exchange = exchange;
        this.tolerance = tolerance;
    }

    /** The account the headers authenticate, or an {@code authentication_error} 401. */
    public SimAccount authenticate(String keyId, String timestamp, String signature, String method, String path) {
        if (keyId == null || keyId.isBlank() || timestamp == null || signature == null) {
            throw unauthorized("missing KALSHI-ACCESS-KEY, KALSHI-ACCESS-TIMESTAMP or KALSHI-ACCESS-SIGNATURE header",
                    "MISSING_AUTH_HEADERS");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw unauthorized("KALSHI-ACCESS-TIMESTAMP must be Unix milliseconds", "INVALID_TIMESTAMP");
        }
        long skew = Math.abs(exchange.now().toEpochMilli() - millis);
        if (skew > tolerance.toMillis()) {
            throw unauthorized("KALSHI-ACCESS-TIMESTAMP is " + skew + " ms from the exchange clock (allowed "
                    + tolerance.toMillis() + " ms)", "TIMESTAMP_OUT_OF_RANGE");
        }
        SimAccount account = exchange.accountByKey(keyId.trim())
                .orElseThrow(() -> unauthorized("unknown API key", "INCORRECT_API_KEY"));
        try {
            Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(PSS);
            verifier.initVerify(account.publicKey);
            verifier.update((timestamp.trim() + method + path).getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(signature.trim()))) {
                throw unauthorized("authentication_error", "INCORRECT_API_KEY_SIGNATURE");
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw unauthorized("authentication_error", "INCORRECT_API_KEY_SIGNATURE");
        }
        return account;
    }

    private static ApiException unauthorized(String message, String reason) {
        return new ApiException(401, "authentication_error", message,
                "rpc error: code = Unauthenticated desc = " + reason);
    }
}
