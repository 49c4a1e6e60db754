package io.recio.trading.internal.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.kalshi.KalshiSettlement;
import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Strike;
import io.recio.market.Symbol;
import io.recio.pricing.EventTable;
import io.recio.pricing.StrikeRow;
import io.recio.pricing.StrikeTable;
import io.recio.trading.SettlementNotice;
import io.recio.trading.StrikeView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdaptersTest {

    static final MarketTicker T = MarketTicker.parse("KXBTCD-26SEP2516-T92799.99");
    static final Instant AT = Instant.parse("2026-09-25T19:50:00Z");

    @Test
    void aStrikeRowBecomesAStrikeViewWithEdgesInDollars() {
        StrikeRow row = new StrikeRow(T, Strike.above(SpotPrice.parse("92799.99")), -700, -0.75, 0.97,
                Price.parse("0.94"), Price.parse("0.95"), Price.parse("0.05"), Price.parse("0.06"), true, false,
                1.65, null, Count.ofContracts(5000), Side.YES);
        EventTicker event = T.event();
        StrikeTable table = new StrikeTable(Symbol.BTC, AT, SpotPrice.parse("93500"), AT, 5.0, Map.of(), "volatility",
                false, List.of(), new EventTable(event, event.close(), 600, AT, List.of(row)), null);
        StrikeView v = PricingAdapter.views(table).get(0);
        assertThat(v.ticker()).isEqualTo(T);
        assertThat(v.strike()).isEqualTo(SpotPrice.parse("92799.99"));
        assertThat(v.close()).isEqualTo(event.close());
        assertThat(v.probability(Side.YES)).isEqualTo(0.97);
        assertThat(v.edge(Side.YES)).isEqualTo(Money.parse("0.0165"));
        assertThat(v.edge(Side.NO)).isNull();
        assertThat(v.ask(Side.NO)).isEqualTo(Price.parse("0.06"));
        assertThat(v.spot()).isEqualTo(SpotPrice.parse("93500"));
        assertThat(v.stale()).isFalse();
    }

    @Test
    void aTableWithoutAPriceGivesNoViews() {
        StrikeTable table = new StrikeTable(Symbol.BTC, AT, null, null, Double.NaN, Map.of(), null, true,
                List.of("no price"), null, null);
        assertThat(PricingAdapter.views(table)).isEmpty();
    }

    @Test
    void aYesNoSettlementBecomesANotice() {
        KalshiSettlement s = new KalshiSettlement(T.toString(), T.event().toString(), "no", Count.ZERO, Money.ZERO,
                Count.ofContracts(2), Money.parse("0.12"), Money.parse("2"), Money.parse("0.031"), AT);
        // fee_cost is the fees already paid on the fills, so nothing more is charged at settlement.
        assertThat(AccountSyncAdapter.notice(s)).contains(new SettlementNotice(T, Side.NO, Money.ZERO, AT));
    }

    @Test
    void otherSettlementsAreNotTradingsConcern() {
        KalshiSettlement scalar = new KalshiSettlement(T.toString(), T.event().toString(), "scalar", Count.ZERO,
                Money.ZERO, Count.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, AT);
        KalshiSettlement foreign = new KalshiSettlement("PRES-2028-X", "PRES-2028", "yes", Count.ZERO, Money.ZERO,
                Count.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, AT);
        assertThat(AccountSyncAdapter.notice(scalar)).isEmpty();
        assertThat(AccountSyncAdapter.notice(foreign)).isEmpty();
    }
}
