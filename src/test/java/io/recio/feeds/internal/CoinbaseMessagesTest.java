package io.recio.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.feeds.internal.CoinbaseMessages.Heartbeat;
import io.recio.feeds.internal.CoinbaseMessages.MalformedFrameException;
import io.recio.feeds.internal.CoinbaseMessages.Other;
import io.recio.feeds.internal.CoinbaseMessages.Subscriptions;
import io.recio.feeds.internal.CoinbaseMessages.Ticker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parsing the Coinbase Exchange frames of {@code reference/coinbase-examples}. */
class CoinbaseMessagesTest {

    private final CoinbaseMessages parser = new CoinbaseMessages();

    static JsonNode examples(String file) throws IOException {
        Path dir = Path.of(System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared"), "reference", "coinbase-examples");
        return JsonMapper.builder().build().readTree(Files.readString(dir.resolve(file)));
    }

    @Test
    void theLiveTickerGivesItsPriceExactlyInUnits() throws Exception {
        String frame = examples("exchange_ws_live_captured_2026.json").get("ticker_live_2026_09_04").toString();
        Ticker t = (Ticker) parser.parse(frame);
        assertThat(t.productId()).isEqualTo("BTC-USD");
        assertThat(t.priceUnits()).isEqualTo(812_289_400L);
        assertThat(t.tradeId()).isEqualTo(1_088_490_716L);
        assertThat(t.sequence()).isEqualTo(135_557_035_414L);
        assertThat(t.time()).isEqualTo(Instant.parse("2026-09-04T00:21:02.905270Z"));
    }

    @Test
    void aTrimmedTickerWithoutTradeIdStillParses() throws Exception {
        String frame = examples("exchange_ws_live_captured_2026.json").get("ticker_trimmed_2026_08_27").toString();
        Ticker t = (Ticker) parser.parse(frame);
        assertThat(t.priceUnits()).isEqualTo(802_280_600L);
        assertThat(t.tradeId()).isEqualTo(-1);
    }

    @Test
    void theDocumentedHeartbeatCarriesTheLastTradeId() throws Exception {
        Heartbeat h = (Heartbeat) parser.parse(examples("exchange_ws_examples.json").get("heartbeat").toString());
        assertThat(h.productId()).isEqualTo("BTC-USD");
        assertThat(h.lastTradeId()).isEqualTo(20);
    }

    @Test
    void subscriptionsWithUnknownKeysAreUnderstood() throws Exception {
        String frame = examples("exchange_ws_live_captured_2026.json").get("subscriptions_live_2026_09_04").toString();
        assertThat(parser.parse(frame)).isInstanceOf(Subscriptions.class);
    }

    @Test
    void unknownTypesAreTolerated() throws Exception {
        assertThat(parser.parse(examples("exchange_ws_examples.json").get("match").toString()))
                .isEqualTo(new Other("match"));
        assertThat(parser.parse("{\"type\":\"brand_new\",\"x\":[1,2]}")).isEqualTo(new Other("brand_new"));
    }

    @Test
    void unknownFieldsInATickerAreIgnored() throws Exception {
        Ticker t = (Ticker) parser.parse("{\"type\":\"ticker\",\"product_id\":\"ETH-USD\",\"price\":\"1285.22\","
                + "\"new_field\":{\"a\":1},\"trade_id\":5}");
        assertThat(t.priceUnits()).isEqualTo(12_852_200L);
    }

    @Test
    void malformedFramesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> parser.parse("{not json")).isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parser.parse("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parser.parse("{\"price\":\"1\"}")).hasMessageContaining("type");
        assertThatThrownBy(() -> parser.parse("{\"type\":\"ticker\",\"product_id\":\"BTC-USD\",\"price\":12.5}"))
                .hasMessageContaining("price");
        assertThatThrownBy(() -> parser.parse("{\"type\":\"ticker\",\"product_id\":\"BTC-USD\",\"price\":\"abc\"}"))
                .hasMessageContaining("not a decimal");
        assertThatThrownBy(() -> parser.parse("{\"type\":\"ticker\",\"product_id\":\"BTC-USD\",\"price\":\"1.000001\"}"))
                .hasMessageContaining("more than 4 decimals");
        assertThatThrownBy(() -> parser.parse("{\"type\":\"ticker\",\"product_id\":\"BTC-USD\",\"price\":\"1\","
                + "\"trade_id\":\"x\"}")).hasMessageContaining("trade_id");
    }

    @Test
    void theSubscribeRequestAsksForTickerAndHeartbeat() throws Exception {
        JsonNode node = JsonMapper.builder().build().readTree(CoinbaseMessages.subscribe(java.util.List.of("BTC-USD", "ETH-USD")));
        assertThat(node.get("type").asString()).isEqualTo("subscribe");
        assertThat(node.get("product_ids").toString()).isEqualTo("[\"BTC-USD\",\"ETH-USD\"]");
        assertThat(node.get("channels").toString()).isEqualTo("[\"ticker\",\"heartbeat\"]");
    }
}
