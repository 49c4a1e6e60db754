package io.recio.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.LiveUpdate;
import io.recio.LiveViewer;
import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.testsupport.MutableClock;
import io.recio.trading.ActiveTrade;
import io.recio.trading.ActiveTradesUpdated;
import io.recio.trading.EntryMethod;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import io.recio.trading.TradeUpdated;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveFeedsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final List<Object> published = new ArrayList<>();
    private final LiveFeeds feeds = new LiveFeeds(published::add, new MutableClock(NOW),
            new WebProperties(Duration.ofMillis(250), Duration.ofSeconds(10)));

    private static Trade trade(long id, String owner, TradeStatus status) {
        MarketTicker ticker = MarketTicker.threshold(EventTicker.aboveBelow(Symbol.BTC, NOW.plusSeconds(3600)),
                SpotPrice.parse("94999.99"));
        return new Trade(id, "uid-" + id, owner, ticker, ticker.tokenValue(), Side.YES, status, NOW.plusSeconds(3600),
                0.9, new Money(100), 0.0, null, null, Count.ofContracts(1), Price.parse("0.90"), Count.ofContracts(1),
                Price.parse("0.88"), Count.ZERO, null, new Money(200), null, null, null, EntryMethod.MANUAL, null, null,
                null, NOW, NOW, null);
    }

    private static String change(TradeStatus from, TradeStatus to, String message, boolean unknown) {
        return LiveFeeds.change(new TradeUpdated(trade(1, "trader", to), from, to, message, unknown));
    }

    @Test
    void eachTransitionIsNamedForTheTrader() {
        assertThat(change(null, TradeStatus.PENDING, "MANUAL entry: buy", false)).isEqualTo("sent");
        assertThat(change(TradeStatus.PENDING, TradeStatus.OPEN, "entry filled 1 of 1", false)).isEqualTo("entered");
        assertThat(change(TradeStatus.PENDING, TradeStatus.REJECTED, "entry no fill", false)).isEqualTo("rejected");
        assertThat(change(TradeStatus.PENDING, TradeStatus.PENDING, "order x UNKNOWN (timeout)", true)).isEqualTo("unknown");
        assertThat(change(TradeStatus.OPEN, TradeStatus.CLOSING, "MANUAL close", false)).isEqualTo("closing");
        assertThat(change(TradeStatus.CLOSING, TradeStatus.OPEN, "exit filled 1 of 2", false)).isEqualTo("exit_partial");
        assertThat(change(TradeStatus.CLOSING, TradeStatus.OPEN, "exit no fill", false)).isEqualTo("exit_unfilled");
        assertThat(change(TradeStatus.CLOSING, TradeStatus.CLOSED, "exit filled at 0.9", false)).isEqualTo("closed");
        assertThat(change(TradeStatus.OPEN, TradeStatus.CLOSED, "reconciled to the venue", false)).isEqualTo("reconciled");
        assertThat(change(TradeStatus.OPEN, TradeStatus.EXPIRED, "market closed", false)).isEqualTo("expired");
        assertThat(change(TradeStatus.EXPIRED, TradeStatus.SETTLED, "settled YES", false)).isEqualTo("settled");
        assertThat(change(null, TradeStatus.OPEN, "adopted from the venue", false)).isEqualTo("adopted");
    }

    @Test
    void aTradeChangeGoesToItsOwnerAndTheAdminsOnly() {
        feeds.onTradeUpdated(new TradeUpdated(trade(7, "trader", TradeStatus.OPEN), TradeStatus.PENDING,
                TradeStatus.OPEN, "entry filled 1 of 1 at 0.88", false));
        LiveUpdate u = (LiveUpdate) published.getFirst();
        assertThat(u.delivery()).isEqualTo(LiveUpdate.Delivery.EVERY);
        assertThat(u.view().apply(new LiveViewer("trader", false))).isNotNull();
        assertThat(u.view().apply(new LiveViewer("alice", false))).isNull();
        assertThat(u.view().apply(new LiveViewer("admin", true))).isNotNull();
    }

    @Test
    void eachViewerSeesTheirOwnActiveTradesAndAnAdminAll() {
        ActiveTrade mine = new ActiveTrade(trade(1, "trader", TradeStatus.OPEN), 0.9, Price.parse("0.89"),
                new Money(-100), 12.5, Duration.ofSeconds(30), Duration.ofSeconds(600), false);
        ActiveTrade theirs = new ActiveTrade(trade(2, "alice", TradeStatus.PENDING), null, null, null, null,
                Duration.ZERO, Duration.ofSeconds(600), true);
        feeds.onActiveTrades(new ActiveTradesUpdated(List.of(mine, theirs), NOW));
        LiveUpdate u = (LiveUpdate) published.getFirst();
        assertThat(((LiveFeeds.ActiveTradesPush) u.view().apply(new LiveViewer("trader", false))).trades())
                .extracting(t -> t.trade().id()).containsExactly(1L);
        assertThat(((LiveFeeds.ActiveTradesPush) u.view().apply(new LiveViewer("admin", true))).trades())
                .extracting(t -> t.outcomeUnknown()).containsExactly(false, true);
    }
}
