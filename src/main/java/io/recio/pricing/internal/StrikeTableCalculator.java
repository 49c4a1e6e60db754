package io.recio.pricing.internal;

import io.recio.feeds.PriceTick;
import io.recio.kalshi.EventMarkets;
import io.recio.kalshi.MarketQuote;
import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.Fees;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.Symbol;
import io.recio.pricing.EventTable;
import io.recio.pricing.ModelInputs;
import io.recio.pricing.ProbabilityModel;
import io.recio.pricing.SettlementDistribution;
import io.recio.pricing.StrikeRow;
import io.recio.pricing.StrikeTable;
import io.recio.pricing.WatchlistEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Computes one strike table and its watchlist from a price, two books and a model; no state, no I/O. */
public final class StrikeTableCalculator {

    /** The settlement-window seconds observed so far: count and sum of the logged prices in dollars. */
    public record Observed(int seconds, double sum) {
        public static final Observed NONE = new Observed(0, 0);
    }

    private final PricingProperties properties;

    public StrikeTableCalculator(PricingProperties properties) {
        this.properties = properties;
    }

    /**
     * @param tick     the newest price tick, or null
     * @param current  the current event's book, or null
     * @param next     the next event's book, or null
     * @param model    the model to use, or null when none is ready
     * @param observed the current event's settlement-window seconds already logged
     */
    public StrikeTable compute(Symbol symbol, Instant now, PriceTick tick, EventMarkets current, EventMarkets next,
                               ProbabilityModel model, Observed observed) {
        List<String> stale = new ArrayList<>();
        if (tick == null) {
            stale.add("no price yet");
        } else {
            Duration age = Duration.between(tick.at(), now).plus(tick.age());
            if (age.compareTo(properties.priceStaleAfter()) > 0) {
                stale.add("price is " + age.toSeconds() + " s old");
            }
        }
        if (model == null) {
            stale.add("no probability model is ready");
        }
        Instant currentClose = EventTicker.nextClose(now);
        if (current == null) {
            stale.add("no book for the event closing at " + currentClose);
        }
        for (EventMarkets book : new EventMarkets[] {current, next}) {
            if (book != null && book.observedAt() != null) {
                Duration age = Duration.between(book.observedAt(), now);
                if (age.compareTo(properties.bookStaleAfter()) > 0) {
                    stale.add("book of " + book.event() + " is " + age.toSeconds() + " s old");
                }
            }
        }
        double momentumBp = tick == null ? Double.NaN : tick.momentumBasisPoints();
        EventTable currentTable = current == null ? null
                : event(symbol, now, tick, current, model, momentumBp, observed);
        EventTable nextTable = next == null ? null : event(symbol, now, tick, next, model, momentumBp, Observed.NONE);
        return new StrikeTable(symbol, now, tick == null ? null : tick.price(), tick == null ? null : tick.at(),
                momentumBp, tick == null ? null : tick.deltasPercent(), model == null ? null : model.name(),
                !stale.isEmpty(), stale, currentTable, nextTable);
    }

    private EventTable event(Symbol symbol, Instant now, PriceTick tick, EventMarkets book, ProbabilityModel model,
                             double momentumBp, Observed observed) {
        Instant close = book.event().close();
        double secondsToClose = Duration.between(now, close).toMillis() / 1000.0;
        SettlementDistribution distribution = null;
        if (tick != null && model != null) {
            distribution = model.settlement(new ModelInputs(symbol, tick.price().dollars(), secondsToClose, momentumBp,
                    observed.seconds(), observed.sum()));
        }
        List<MarketQuote> quotes = new ArrayList<>(book.quotes());
        quotes.sort(Comparator.comparing(q -> q.strike().reference()));
        List<StrikeRow> rows = new ArrayList<>(quotes.size());
        for (MarketQuote q : quotes) {
            rows.add(row(q, tick, distribution));
        }
        return new EventTable(book.event(), close, (long) Math.floor(Math.max(0, secondsToClose)), book.observedAt(),
                rows);
    }

    static StrikeRow row(MarketQuote q, PriceTick tick, SettlementDistribution distribution) {
        double spot = tick == null ? Double.NaN : tick.price().dollars();
        double reference = q.strike().reference().dollars();
        double p = distribution == null ? Double.NaN : distribution.probabilityYes(q.strike());
        Double yesEdge = q.hasYesAsk() && !Double.isNaN(p) ? edgeCents(p, q.yesAsk()) : null;
        Double noEdge = q.hasYesBid() && !Double.isNaN(p) ? edgeCents(1 - p, q.noAsk()) : null;
        Side active = tick != null && q.strike().paysYes(tick.price()) ? Side.YES : Side.NO;
        return new StrikeRow(q.ticker(), q.strike(), reference - spot, (reference - spot) / spot * 100, p,
                q.yesBid(), q.yesAsk(), q.noBid(), q.noAsk(), q.hasYesAsk(), q.hasYesBid(), yesEdge, noEdge,
                q.volume(), active);
    }

    /** REC.IO's "diff": P(side)·100 − ask¢ − taker fee¢ for one contract bought at {@code ask}. */
    public static double edgeCents(double probability, Price ask) {
        return probability * 100 - ask.cents() - Fees.takerFeePerContract(ask) * 100;
    }

    /** The rows of a fresh table that pass the watchlist pre-filter, best edge first. */
    public List<WatchlistEntry> watchlist(StrikeTable table) {
        if (table.stale()) {
            return List.of();
        }
        PricingProperties.Watchlist w = properties.watchlist();
        Count minVolume = Count.ofContracts(w.minVolume());
        Price maxAsk = Price.ofCents(w.maxAskCents());
        List<WatchlistEntry> entries = new ArrayList<>();
        for (EventTable e : table.events()) {
            for (StrikeRow r : e.rows()) {
                Side side = r.activeSide();
                Double edge = r.edgeCents(side);
                if (edge != null && r.askAvailable(side) && r.volume().compareTo(minVolume) >= 0
                        && r.ask(side).compareTo(maxAsk) <= 0 && r.probability(side) >= w.minProbability()
                        && edge >= w.minEdgeCents()) {
                    entries.add(new WatchlistEntry(e.event(), r.ticker(), side, r.probability(side), r.ask(side),
                            edge, r.volume(), e.secondsToClose()));
                }
            }
        }
        entries.sort(Comparator.comparingDouble(WatchlistEntry::edgeCents).reversed());
        return entries;
    }
}
