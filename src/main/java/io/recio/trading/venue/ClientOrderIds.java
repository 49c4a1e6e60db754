package io.recio.trading.venue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic client order ids: a name-based UUID (v3) of {@code recio:<trade uid>:<attempt>}. The same
 * trade and attempt always give the same id, so a resend after a crash or timeout is a duplicate to
 * Kalshi instead of a second order. The trade's uid (not its database id) keeps ids unique across
 * database resets.
 */
public final class ClientOrderIds {

    private ClientOrderIds() {
    }

    public static String of(String tradeUid, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, was " + attempt);
        }
        return UUID.nameUUIDFromBytes(("recio:" + tradeUid + ":" + attempt).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
