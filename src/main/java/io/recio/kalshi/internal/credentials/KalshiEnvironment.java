package io.recio.kalshi.internal.credentials;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Kalshi's two environments: demo (play money, its own API keys) and production (real money). */
public enum KalshiEnvironment {
    @JsonProperty("demo") DEMO,
    @JsonProperty("production") PRODUCTION;

    /** The name as the API and the command line spell it: {@code demo}, {@code production}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
