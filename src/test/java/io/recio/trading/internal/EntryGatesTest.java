package io.recio.trading.internal;

import static io.recio.trading.internal.Fixtures.CLOSE;
import static io.recio.trading.internal.Fixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.trading.StrikeView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntryGatesTest {

    private static final Instant NOW = CLOSE.minusSeconds(600);
    private static final TradeSettings ON = with(true);

    private static TradeSettings with(boolean enabled) {
        TradeSettings d = TradeSettings.DEFAULTS;
        return new TradeSettings(enabled, d.autoStopEnabled(), d.positionSize(), d.multiplier(), d.minProbability(),
                d.minEdge(), d.minTimeSeconds(), d.maxTimeSeconds(), d.cooldownSeconds(), d.spikeThreshold(),
                d.recoveryThreshold(), d.recoveryMinutes(), d.minVolume(), d.maxAsk(), d.stopProbability(),
                d.stopMinHoldSeconds(), d.stopVerifySeconds(), d.momentumStopEnabled(), d.momentumStopThreshold());
    }

    private static EntryGates.Decision yes(StrikeView v) {
        return EntryGates.evaluate(v, Side.YES, ON, SpikeAlert.CLEAR, null, false, NOW);
    }

    @Test
    void aStrikePassingEveryGateIsEntered() {
        assertThat(yes(view(NOW)).enter()).isTrue();
    }

    @Test
    void disabledAutoEntryEntersNothing() {
        assertThat(EntryGates.evaluate(view(NOW), Side.YES, with(false), SpikeAlert.CLEAR, null, false, NOW).reason())
                .isEqualTo("auto-entry is disabled");
    }

    @Test
    void aSpikeAlertPausesEntries() {
        EntryGates.Decision d = EntryGates.evaluate(view(NOW), Side.YES, ON, new SpikeAlert(true, NOW, null), null,
                false, NOW);
        assertThat(d.enter()).isFalse();
        assertThat(d.reason()).startsWith("spike alert");
    }

    @Test
    void tooEarlyOrTooLateIsOutsideTheWindow() {
        assertThat(EntryGates.evaluate(view(NOW), Side.YES, ON, SpikeAlert.CLEAR, null, false, CLOSE.minusSeconds(901))
                .reason()).contains("outside 120–900 s");
        assertThat(EntryGates.evaluate(view(NOW), Side.YES, ON, SpikeAlert.CLEAR, null, false, CLOSE.minusSeconds(119))
                .reason()).contains("outside");
        assertThat(EntryGates.evaluate(view(NOW), Side.YES, ON, SpikeAlert.CLEAR, null, false, CLOSE.minusSeconds(120))
                .enter()).isTrue();
    }

    @Test
    void aProbabilityBelowTheMinimumIsRefused() {
        assertThat(yes(view(NOW, 0.949)).reason()).contains("YES probability 94.90 is below 95.00");
        assertThat(yes(view(NOW, 0.95)).enter()).isTrue();
    }

    @Test
    void noProbabilityIsNoReasonToEnter() {
        assertThat(yes(view(NOW, Double.NaN)).enter()).isFalse();
    }

    @Test
    void anEdgeBelowTheMinimumIsRefused() {
        StrikeView v = view(NOW);
        StrikeView thin = new StrikeView(v.ticker(), v.strike(), v.close(), v.probYes(), v.yesBid(), v.yesAsk(),
                Money.parse("0.0024"), v.noEdge(), v.volume(), v.spot(), NOW, false);
        assertThat(yes(thin).reason()).contains("edge 0.0024 is below 0.0025");
    }

    @Test
    void theNoSideOfALikelyYesStrikeFailsOnProbability() {
        assertThat(EntryGates.evaluate(view(NOW), Side.NO, ON, SpikeAlert.CLEAR, null, false, NOW).reason())
                .contains("NO probability");
    }

    @Test
    void theCooldownHoldsPerStrikeAndSide() {
        assertThat(EntryGates.evaluate(view(NOW), Side.YES, ON, SpikeAlert.CLEAR, NOW.minusSeconds(9), false, NOW)
                .reason()).startsWith("cooldown");
        assertThat(EntryGates.evaluate(view(NOW), Side.YES, ON, SpikeAlert.CLEAR, NOW.minusSeconds(10), false, NOW)
                .enter()).isTrue();
    }

    @Test
    void anOpenOrPendingTradeOnTheSameTickerAndSideBlocksAnother() {
        assertThat(EntryGates.evaluate(view(NOW), Side.YES, ON, SpikeAlert.CLEAR, null, true, NOW).reason())
                .contains("open or pending trade");
    }

    @Test
    void theWatchlistFiltersVolumeAndAsk() {
        StrikeView v = view(NOW);
        StrikeView quiet = new StrikeView(v.ticker(), v.strike(), v.close(), v.probYes(), v.yesBid(), v.yesAsk(),
                v.yesEdge(), v.noEdge(), Count.ofContracts(999), v.spot(), NOW, false);
        StrikeView dear = new StrikeView(v.ticker(), v.strike(), v.close(), v.probYes(), Price.parse("0.98"),
                Price.parse("0.99"), v.yesEdge(), v.noEdge(), v.volume(), v.spot(), NOW, false);
        assertThat(yes(quiet).reason()).contains("volume 999.00 is below 1000.00");
        assertThat(yes(dear).reason()).contains("ask 0.9900 is above 0.9800");
    }

    @Test
    void staleStrikeDataIsNeverTradedOn() {
        StrikeView v = view(NOW);
        StrikeView stale = new StrikeView(v.ticker(), v.strike(), v.close(), v.probYes(), v.yesBid(), v.yesAsk(),
                v.yesEdge(), v.noEdge(), v.volume(), v.spot(), NOW, true);
        assertThat(yes(stale).reason()).isEqualTo("strike data is stale");
    }

    @Test
    void aSideWithNoAskCannotBeBought() {
        StrikeView v = view(NOW);
        StrikeView noAsk = new StrikeView(v.ticker(), v.strike(), v.close(), v.probYes(), v.yesBid(), v.yesAsk(),
                null, v.noEdge(), v.volume(), v.spot(), NOW, false);
        assertThat(yes(noAsk).reason()).isEqualTo("no YES ask to buy");
    }
}
