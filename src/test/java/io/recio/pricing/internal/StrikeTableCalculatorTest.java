package io.recio.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recio.kalshi.EventMarkets;
import io.recio.kalshi.MarketQuote;
import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Strike;
import io.recio.market.Symbol;
import io.recio.pricing.ProbabilityModel;
import io.recio.pricing.StrikeRow;
import io.recio.pricing.StrikeTable;
import io.recio.pricing.SyntheticFeeds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

class StrikeTableCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-09-25T19:30:00Z");
    private static final Instant CLOSE = Instant.parse("2026-09-25T20:00:00Z");
    private static final EventTicker EVENT = EventTicker.aboveBelow(Symbol.BTC, CLOSE);

    static PricingProperties defaults() {
        StandardEnvironment env = new StandardEnvironment();
        return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("recio.pricing", PricingProperties.class);
    }

    /** A model that says P(settle above K) = 0.95 for every K below 100,500 and 0.05 above. */
    private final ProbabilityModel stepModel = new ProbabilityModel() {
        @Override
        public String name() {
            return "step";
        }

        @Override
        public boolean isReady(Symbol symbol) {
            return true;
        }

        @Override
        public io.recio.pricing.SettlementDistribution settlement(io.recio.pricing.ModelInputs inputs) {
            return level -> level < 100_500 ? 0.95 : 0.05;
        }
    };

    private final StrikeTableCalculator calculator = new StrikeTableCalculator(defaults());

    private static MarketQuote quote(String floor, long yesBidCents, long yesAskCents, long volume) {
        SpotPrice f = SpotPrice.parse(floor);
        return new MarketQuote(MarketTicker.threshold(EVENT, f), Strike.above(f), CLOSE, Price.ofCents(yesBidCents),
                Count.ofContracts(10), Price.ofCents(yesAskCents), Count.ofContracts(10), null,
                Count.ofContracts(volume), NOW.minusSeconds(1));
    }

    private StrikeTable table(List<MarketQuote> quotes, Instant tickAt) {
        return calculator.compute(Symbol.BTC, NOW, SyntheticFeeds.tick(Symbol.BTC, tickAt, 100_000),
                new EventMarkets(EVENT, quotes, NOW.minusSeconds(1)), null, stepModel,
                StrikeTableCalculator.Observed.NONE);
    }

    @Test
    void theEdgeOfEachSideIsProbabilityMinusAskMinusTheTakerFeeInCents() {
        // YES: 95 − 90 − 100·0.07·0.90·0.10 = 4.37¢. NO: ask 1 − 0.89 = 11¢: 5 − 11 − 100·0.07·0.11·0.89 = −6.6853¢.
        StrikeRow row = table(List.of(quote("99999.99", 89, 90, 500)), NOW).current().rows().get(0);
        assertThat(row.probabilityYes()).isEqualTo(0.95);
        assertThat(row.yesEdgeCents()).isCloseTo(4.37, within(1e-9));
        assertThat(row.noAsk()).isEqualTo(Price.ofCents(11));
        assertThat(row.noEdgeCents()).isCloseTo(-6.6853, within(1e-9));
    }

    @Test
    void aSideWithNothingOfferedHasNoEdge() {
        SpotPrice f = SpotPrice.parse("99999.99");
        MarketQuote noAsk = new MarketQuote(MarketTicker.threshold(EVENT, f), Strike.above(f), CLOSE, Price.ofCents(40),
                Count.ofContracts(5), Price.ONE, Count.ZERO, null, Count.ZERO, NOW);
        StrikeRow row = table(List.of(noAsk), NOW).current().rows().get(0);
        assertThat(row.yesAskAvailable()).isFalse();
        assertThat(row.yesEdgeCents()).isNull();
        assertThat(row.noEdgeCents()).isNotNull();
    }

    @Test
    void rowsAreOrderedByStrikeWithDistanceAndTheActiveSideBySpot() {
        StrikeTable t = table(List.of(quote("100999.99", 10, 11, 0), quote("98999.99", 80, 81, 0)), NOW);
        List<StrikeRow> rows = t.current().rows();
        assertThat(rows.get(0).strike().floor()).isEqualTo(SpotPrice.parse("98999.99"));
        assertThat(rows.get(0).distanceDollars()).isCloseTo(-1000.01, within(1e-6));
        assertThat(rows.get(0).distancePercent()).isCloseTo(-1.00001, within(1e-6));
        assertThat(rows.get(0).activeSide()).isEqualTo(Side.YES);
        assertThat(rows.get(1).activeSide()).isEqualTo(Side.NO);
        assertThat(t.current().secondsToClose()).isEqualTo(1800);
        assertThat(t.stale()).isFalse();
        assertThat(t.model()).isEqualTo("step");
    }

    @Test
    void anOldPriceMarksTheTableStaleAndEmptiesTheWatchlist() {
        StrikeTable t = table(List.of(quote("98999.99", 90, 91, 500)), NOW.minusSeconds(30));
        assertThat(t.stale()).isTrue();
        assertThat(t.staleReasons()).anyMatch(r -> r.contains("price is 30 s old"));
        assertThat(calculator.watchlist(t)).isEmpty();
    }

    @Test
    void anOldBookMarksTheTableStale() {
        StrikeTable t = calculator.compute(Symbol.BTC, NOW, SyntheticFeeds.tick(Symbol.BTC, NOW, 100_000),
                new EventMarkets(EVENT, List.of(quote("98999.99", 90, 91, 500)), NOW.minus(Duration.ofMinutes(2))),
                null, stepModel, StrikeTableCalculator.Observed.NONE);
        assertThat(t.staleReasons()).anyMatch(r -> r.contains("book of KXBTCD-26SEP2516 is 120 s old"));
    }

    @Test
    void withoutAModelTheTableIsStaleAndHasNoProbabilities() {
        StrikeTable t = calculator.compute(Symbol.BTC, NOW, SyntheticFeeds.tick(Symbol.BTC, NOW, 100_000),
                new EventMarkets(EVENT, List.of(quote("98999.99", 90, 91, 500)), NOW), null, null,
                StrikeTableCalculator.Observed.NONE);
        assertThat(t.stale()).isTrue();
        assertThat(t.current().rows().get(0).probabilityYes()).isNaN();
        assertThat(t.current().rows().get(0).yesEdgeCents()).isNull();
    }

    @Test
    void theJsonFormShowsCentsAndEdgesAndNoProbabilityWhenThereIsNone() {
        StrikeTable priced = table(List.of(quote("99999.99", 89, 90, 500)), NOW);
        var row = io.recio.pricing.StrikeTableJson.table(priced).current().strikes().get(0);
        assertThat(row.ticker()).isEqualTo("KXBTCD-26SEP2516-T99999.99");
        assertThat(row.yesAsk()).isEqualTo(90.0);
        assertThat(row.noAsk()).isEqualTo(11.0);
        assertThat(row.yesEdge()).isEqualTo(4.37);
        assertThat(row.probabilityYes()).isEqualTo(0.95);
        assertThat(row.activeSide()).isEqualTo("yes");

        StrikeTable unpriced = calculator.compute(Symbol.BTC, NOW, SyntheticFeeds.tick(Symbol.BTC, NOW, 100_000),
                new EventMarkets(EVENT, List.of(quote("99999.99", 89, 90, 500)), NOW), null, null,
                StrikeTableCalculator.Observed.NONE);
        var bare = io.recio.pricing.StrikeTableJson.table(unpriced).current().strikes().get(0);
        assertThat(bare.probabilityYes()).isNull();
        assertThat(bare.yesEdge()).isNull();
    }

    @Test
    void theWatchlistKeepsOnlyLiquidCheapLikelyRowsWithEnoughEdge() {
        StrikeTable t = table(List.of(
                quote("98999.99", 90, 91, 500),   // YES 95 % at 91¢: edge 95 − 91 − 0.57 = +3.43 → in
                quote("97999.99", 90, 91, 50),    // too little volume
                quote("96999.99", 98, 99, 500),   // ask above 98¢
                quote("100999.99", 3, 4, 500)),   // NO 95 % at 97¢: 95 − 97 − 0.20 = −2.20 < −2 → out
                NOW);
        var list = calculator.watchlist(t);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).ticker().toString()).isEqualTo("KXBTCD-26SEP2516-T98999.99");
        assertThat(list.get(0).side()).isEqualTo(Side.YES);
        assertThat(list.get(0).edgeCents()).isCloseTo(95 - 91 - 7 * 0.91 * 0.09, within(1e-9));
    }
}
