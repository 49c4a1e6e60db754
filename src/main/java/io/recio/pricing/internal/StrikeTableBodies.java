package io.recio.pricing.internal;

import io.recio.market.Symbol;
import io.recio.pricing.StrikeTableJson.StrikeTableWithWatchlist;
import io.recio.pricing.StrikeTableUpdated;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code GET /api/strike_tables/{symbol}} and of the strike-table file, serialised once per computed
 * table: a table is recomputed a few times a second and read by every open console and script in between, so each
 * request answers the stored bytes instead of building and writing the whole table again (bench/load.sh measured
 * that as most of a request's CPU time).
 */
@Component
class StrikeTableBodies {

    /**
     * One table's answer.
     *
     * @param source the computed table it was written from
     * @param json   the JSON, as the API's mapper writes it
     * @param etag   a strong entity tag of {@code json}, so a client that has it gets 304
     */
    record Body(StrikeTableUpdated source, byte[] json, String etag) {
    }

    private final JsonMapper json;
    private final Map<Symbol, Body> latest = new ConcurrentHashMap<>();

    StrikeTableBodies(JsonMapper json) {
        this.json = json;
    }

    /** The answer for {@code update}: the stored one when it was written from this very table. */
    Body of(StrikeTableUpdated update) {
        Symbol symbol = update.table().symbol();
        Body body = latest.get(symbol);
        if (body != null && body.source() == update) {
            return body;
        }
        // Two requests racing past a new table both write it; the bytes are the same, so either may stay.
        byte[] bytes = json.writeValueAsBytes(StrikeTableWithWatchlist.of(update));
        body = new Body(update, bytes, "\"" + DigestUtils.md5DigestAsHex(bytes) + "\"");
        latest.put(symbol, body);
        return body;
    }
}
