package io.recio.kalshi.client;

import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiPosition;
import io.recio.market.Count;
import io.recio.market.Price;
import io.recio.market.Side;

/** One message from Kalshi's WebSocket, read into the fields recio uses (reference §7). */
public sealed interface WsMessage {

    /** The subscription id, or 0 when the message carries none. */
    long sid();

    /** The sequence number, or 0 when the message carries none. */
    long seq();

    /** A full book of one market. */
    record Snapshot(long sid, long seq, OrderbookLevels book) implements WsMessage {
    }

    /** A change of one level: {@code side} NO prices are NO-leg prices. */
    record Delta(long sid, long seq, String ticker, Side side, Price price, Count delta, long tsMs)
            implements WsMessage {
    }

    /** Top of book and activity of one market (YES prices). */
    record Ticker(long sid, String ticker, Price lastPrice, Price yesBid, Price yesAsk, Count yesBidSize,
                  Count yesAskSize, Count volume, long tsMs) implements WsMessage {
        @Override
        public long seq() {
            return 0;
        }
    }

    /** A market's lifecycle change; {@code closeTs}/{@code settledTs} are Unix seconds or 0. */
    record Lifecycle(long sid, String ticker, String eventType, long closeTs, String result) implements WsMessage {
        @Override
        public long seq() {
            return 0;
        }
    }

    /** One of our fills. */
    record Fill(long sid, KalshiFill fill, Count postPosition) implements WsMessage {
        @Override
        public long seq() {
            return 0;
        }
    }

    /** One of our orders changed. */
    record UserOrder(long sid, KalshiOrder order) implements WsMessage {
        @Override
        public long seq() {
            return 0;
        }
    }

    /** One of our positions changed. */
    record Position(long sid, KalshiPosition position) implements WsMessage {
        @Override
        public long seq() {
            return 0;
        }
    }

    /** A settlement-index print: value and trailing 60 s average as decimal strings, time in ms. */
    record IndexPrint(long sid, long seq, String indexId, String value, String average60s, long timeMs)
            implements WsMessage {
    }

    /** A command was accepted and a subscription created. */
    record Subscribed(long id, long sid, String channel) implements WsMessage {
        @Override
        public long seq() {
            return 0;
        }
    }

    /** A command was accepted (update_subscription, list_subscriptions). */
    record Ok(long id, long sid, long seq) implements WsMessage {
    }

    /** A subscription ended. */
    record Unsubscribed(long id, long sid, long seq) implements WsMessage {
    }

    /** A command failed; {@code code} per reference §7 (6 = already subscribed, 25 = buffer overflow ...). */
    record Error(long id, int code, String message) implements WsMessage {
        @Override
        public long sid() {
            return 0;
        }

        @Override
        public long seq() {
            return 0;
        }
    }

    /** A message type recio does not use; it still counts for seq tracking. */
    record Other(long sid, long seq, String type) implements WsMessage {
    }
}
