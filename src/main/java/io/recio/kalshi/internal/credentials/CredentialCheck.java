package io.recio.kalshi.internal.credentials;

import io.recio.kalshi.KalshiBalance;
import io.recio.kalshi.KalshiException;
import io.recio.kalshi.KalshiUnavailableException;
import io.recio.kalshi.client.KalshiCredentials;
import io.recio.kalshi.client.KalshiRestClient;
import io.recio.kalshi.client.PemKeys;
import io.recio.kalshi.internal.KalshiProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Tries a Kalshi API key before it is stored: parses the private key, signs a request with it and asks the chosen
 * environment for the balance. Each failure names the field at fault and what to do; none carries key material.
 */
@Component
public class CredentialCheck {

    /** Why a key was refused: {@code field} is {@code key_id}, {@code private_key} or {@code environment}. */
    public static final class Refused extends RuntimeException {
        private final String field;

        Refused(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final KalshiProperties properties;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CredentialCheck(KalshiProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The balance the key reads in {@code environment}; {@link Refused} when the key does not work there. */
    public KalshiBalance check(KalshiEnvironment environment, String keyId, String privateKeyPem) {
        if (keyId == null || keyId.isBlank()) {
            throw new Refused("key_id", "the API key id is empty: copy it from Kalshi's API keys page");
        }
        if (keyId.strip().length() > 128 || !keyId.strip().matches("[A-Za-z0-9_-]+")) {
            throw new Refused("key_id", "the API key id is letters, digits and dashes (a UUID), up to 128 characters");
        }
        PrivateKey key;
        try {
            key = PemKeys.parse(privateKeyPem);
        } catch (IllegalArgumentException e) {
            throw new Refused("private_key", e.getMessage());
        }
        return check(environment, new KalshiCredentials(keyId, key));
    }

    /** The balance a parsed key reads in {@code environment}; {@link Refused} when it does not work there. */
    public KalshiBalance check(KalshiEnvironment environment, KalshiCredentials credentials) {
        URI url = properties.environments().restUrl(environment);
        KalshiRestClient client = new KalshiRestClient(new KalshiRestClient.Settings(url, properties.tier(),
                properties.requestTimeout(), properties.orderTimeout(), 1, properties.retryBackoff()),
                credentials, clock, http);
        try {
            return client.balance();
        } catch (KalshiUnavailableException e) {
            throw new Refused("environment", "Kalshi's " + name(environment) + " environment (" + url.getHost()
                    + ") did not answer (" + e.code() + "); check the network and try again");
        } catch (KalshiException e) {
            if (e.httpStatus() == 401 || e.httpStatus() == 403) {
                throw new Refused("key_id", "Kalshi's " + name(environment) + " environment refused this key ("
                        + e.httpStatus() + "): the key id and private key are not a pair it knows. A demo key works "
                        + "only in demo, a production key only in production");
            }
            throw new Refused("environment", "Kalshi's " + name(environment) + " environment answered "
                    + e.httpStatus() + " (" + e.code() + ") to the balance request");
        } catch (IllegalStateException e) {
            throw new Refused("private_key", "the private key cannot sign a request: " + e.getMessage());
        }
    }

    private static String name(KalshiEnvironment environment) {
        return environment.name().toLowerCase(java.util.Locale.ROOT);
    }
}
