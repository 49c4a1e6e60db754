package io.recio.backtest.internal;

import io.recio.feeds.Candle;
import io.recio.feeds.PriceTick;
import io.recio.feeds.SecondLog;
import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import io.recio.pricing.ReplayPricing;
import io.recio.pricing.SettlementDistribution;
import io.recio.simulator.replay.MakerBook;
import io.recio.simulator.replay.SecondPrices;
import io.recio.trading.SimulatedAccount;
import io.recio.trading.StrategySettings;
import io.recio.trading.StrikeView;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;

/**
 * One backtest: replays a symbol's history second by second (a Brownian bridge between one-minute
 * candles) through recio's pricing and an account run by the supervisors' rules, against an in-process
 * exchange that lists the live strike grid each hour, quotes the simulator's market makers every second and
 * settles each market on the 60-second average before the close. Only whole hours the history covers
 * (with the settlement second after them) are traded; the others are skipped and counted.
 */
final class Replay {

    private static final int HOUR = 3600;
    /** Every whole-cent price, 0¢ to 100¢, made once: a second's rows need hundreds. */
    private static final Price[] CENTS = java.util.stream.LongStream.rangeClosed(0, 100).mapToObj(Price::ofCents)
            .toArray(Price[]::new);
    private static final double SECONDS_PER_YEAR = 365.0 * 86_400;

    private final History history;
    private final StrategySettings settings;
    private final long seed;
    private final boolean pricesEveryStrike;
    private final ReplayPricing pricing = new ReplayPricing();
    private final SecondLog log;
    private final SimulatedAccount account;
    private final ReplayExchange exchange;
    private final Map<MarketTicker, List<MakerBook.Level>> books = new HashMap<>();
    private final double[] squaredReturns = new double[HOUR];
    private final long spacing;
    private final Scores scores = new Scores();
    private double squaredSum;
    private long returns;
    private double lastPrice = Double.NaN;
    private PriceTick tick;
    private Instant now;
    private Event event;
    private long exposureSum;
    private long exposureMax;
    private long tradedSeconds;
    private int hoursTraded;

    /** The markets of the hourly event being replayed. */
    private static final class Event {
        final EventTicker ticker;
        final long closeSecond;
        final TreeMap<Long, MarketTicker> markets = new TreeMap<>();
        final Map<MarketTicker, List<Double>> samples = new HashMap<>();
        double observedSum;
        int observedSeconds;
        /** The centres the listing was made around (the grid depends on the centre alone). */
        final java.util.Set<Long> listedCenters = new java.util.HashSet<>();
        long lastCenter = Long.MIN_VALUE;
        /** The markets in strike order, with their strikes and floors, rebuilt when the listing grows. */
        long[] strikes = new long[0];
        MarketTicker[] tickers = new MarketTicker[0];
        SpotPrice[] floors = new SpotPrice[0];
        final Map<MarketTicker, Integer> index = new HashMap<>();

        Event(EventTicker ticker, long closeSecond) {
            this.ticker = ticker;
            this.closeSecond = closeSecond;
        }

        void list(long[] around) {
            int before = markets.size();
            for (long strike : around) {
                markets.computeIfAbsent(strike, k -> MarketTicker.threshold(ticker, floor(k)));
            }
            if (markets.size() == before) {
                return;
            }
            int n = markets.size();
            strikes = new long[n];
            tickers = new MarketTicker[n];
            floors = new SpotPrice[n];
            index.clear();
            int i = 0;
            for (Map.Entry<Long, MarketTicker> m : markets.entrySet()) {
                strikes[i] = m.getKey();
                tickers[i] = m.getValue();
                floors[i] = floor(m.getKey());
                index.put(m.getValue(), i);
                i++;
            }
        }
    }

    Replay(History history, StrategySettings settings, long seed) {
        this(history, settings, seed, false);
    }

    /** @param pricesEveryStrike price every strike in the entry window, even those the gates would refuse at any probability */
    Replay(History history, StrategySettings settings, long seed, boolean pricesEveryStrike) {
        this.pricesEveryStrike = pricesEveryStrike;
        this.history = history;
        this.settings = settings;
        this.seed = seed;
        this.log = new SecondLog(history.symbol(), "backtest");
        this.spacing = MakerBook.spacing(history.symbol());
        this.exchange = new ReplayExchange(this::book);
        this.account = new SimulatedAccount(settings, exchange, "backtest");
    }

    /** Runs the backtest; {@code progress} hears the fraction of seconds done now and then. */
    Result run(DoubleConsumer progress) {
        Symbol symbol = history.symbol();
        pricing.warmUp(symbol, history.warmUp());
        long total = history.runs().stream().mapToLong(List::size).sum() * 60;
        long done = 0;
        long reportEvery = Math.max(1, total / 200);
        for (List<Candle> run : history.runs()) {
            SecondPrices prices = bridge(run);
            long first = prices.firstSecond();
            long end = prices.endSecond();
            long firstHour = Math.floorDiv(first + HOUR - 1, HOUR) * HOUR;
            for (long s = first; s < end; s++) {
                long hourStart = Math.floorDiv(s, HOUR) * HOUR;
                // an hour trades when the run holds all of it and the settlement second after it
                boolean tradable = hourStart >= firstHour && hourStart + HOUR < end;
                second(s, prices.units(s), tradable);
                if (tradable && s == hourStart + HOUR - 1) {
                    settle(prices.units(hourStart + HOUR));
                    hoursTraded++;
                }
                if (++done % reportEvery == 0) {
                    progress.accept(done / (double) total);
                }
            }
            event = null;
        }
        progress.accept(1);
        return new Result(account.trades(), scores, hoursTraded, tradedSeconds,
                tradedSeconds == 0 ? Money.ZERO : new Money(exposureSum / tradedSeconds), new Money(exposureMax),
                account.blockedEntries(), account.killSwitchTrips(), pricing.modelName());
    }

    private SecondPrices bridge(List<Candle> run) {
        int n = run.size();
        long[] o = new long[n];
        long[] h = new long[n];
        long[] l = new long[n];
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            Candle k = run.get(i);
            o[i] = k.open().units();
            h[i] = Math.max(k.high().units(), Math.max(k.open().units(), k.close().units()));
            l[i] = Math.min(k.low().units(), Math.min(k.open().units(), k.close().units()));
            c[i] = k.close().units();
        }
        return SecondPrices.bridge(run.getFirst().start().getEpochSecond() / 60, o, h, l, c, seed);
    }

    private void second(long s, long units, boolean tradable) {
        now = Instant.ofEpochSecond(s);
        Symbol symbol = history.symbol();
        double price = units / (double) SpotPrice.ONE_DOLLAR;
        tick = log.log(now, new SpotPrice(units));
        pricing.observe(symbol, now, price);
        account.onTick(tick);
        observeReturn(price);
        if (!tradable) {
            return;
        }
        tradedSeconds++;
        exchange.at(now);
        books.clear();
        long close = Math.floorDiv(s, HOUR) * HOUR + HOUR;
        if (event == null || event.closeSecond != close) {
            event = new Event(EventTicker.aboveBelow(symbol, Instant.ofEpochSecond(close)), close);
        }
        long center = Math.round(price / spacing);
        if (center != event.lastCenter) {
            event.lastCenter = center;
            if (event.listedCenters.add(center)) {
                event.list(MakerBook.strikesAround(symbol, price));
            }
        }
        long left = close - s;
        if (left <= ModelInputs.SETTLEMENT_WINDOW_SECONDS - 1) {
            event.observedSeconds++;
            event.observedSum += price;
        }
        boolean scanning = settings.entersAt(left) && account.mayEnter(symbol, now);
        List<MarketTicker> open = account.openMarkets();
        boolean scoring = s % 60 == 0;
        Map<MarketTicker, StrikeView> views = Map.of();
        if ((scanning || !open.isEmpty() || scoring) && pricing.isReady(symbol)) {
            SettlementDistribution d = pricing.settlement(new ModelInputs(symbol, price, left,
                    tick.momentumBasisPoints(), event.observedSeconds, event.observedSum));
            views = views(d, price, units, scanning, open, scoring);
        }
        account.pass(now, views, sym -> tick);
        long exposure = account.exposure().units();
        exposureSum += exposure;
        exposureMax = Math.max(exposureMax, exposure);
    }

    /**
     * The strike rows trading needs this second, in strike order: the open trades' markets (auto-stop reads them)
     * and, while the entry scan runs, every market the entry gates could take a side of. A strike's probability is
     * computed only when the gates, given the side the most favourable probability it can have, would enter:
     * P(above) falls as the strike rises, so an unpriced strike's lies between those of the nearest priced strikes
     * either side, and a higher probability of a side (and so a higher edge) never turns an entry away. A strike
     * the gates refuse even then is left out of the rows, as the scan would refuse it. Once a minute every market
     * is priced for the model's scores.
     */
    private Map<MarketTicker, StrikeView> views(SettlementDistribution d, double price, long units, boolean scanning,
                                                List<MarketTicker> open, boolean scoring) {
        int n = event.strikes.length;
        double[] p = new double[n];
        java.util.Arrays.fill(p, Double.NaN);
        boolean[] held = new boolean[n];
        for (MarketTicker t : open) {
            Integer k = event.index.get(t);
            if (k != null) {
                held[k] = true;
            }
        }
        for (int k = 0; k < n; k++) {
            if (scoring || held[k]) {
                p[k] = d.probabilityAbove(event.floors[k].dollars());
            }
            if (scoring) {
                event.samples.computeIfAbsent(event.tickers[k], t -> new ArrayList<>()).add(p[k]);
            }
        }
        double volatility = makerVolatility();
        StrikeView[] rows = new StrikeView[n];
        if (scanning) {
            // bounds from the strikes priced so far: at most the nearest one's below, at least the nearest one's above
            double[] below = new double[n];
            double[] above = new double[n];
            double bound = 1;
            for (int k = 0; k < n; k++) {
                below[k] = bound;
                bound = Double.isNaN(p[k]) ? bound : p[k];
            }
            bound = 0;
            for (int k = n - 1; k >= 0; k--) {
                above[k] = bound;
                bound = Double.isNaN(p[k]) ? bound : p[k];
            }
            int center = 0;
            while (center < n && event.floors[center].dollars() < price) {
                center++;
            }
            double walked = 0;
            for (int k = center - 1; k >= 0; k--) {
                rows[k] = row(d, k, p, Math.max(above[k], walked), below[k], units, volatility);
                walked = Double.isNaN(p[k]) ? walked : p[k];
            }
            walked = 1;
            for (int k = center - 1; k >= 0; k--) {
                if (!Double.isNaN(p[k])) {
                    walked = p[k];
                    break;
                }
            }
            for (int k = center; k < n; k++) {
                rows[k] = row(d, k, p, above[k], Math.min(below[k], walked), units, volatility);
                walked = Double.isNaN(p[k]) ? walked : p[k];
            }
        }
        Map<MarketTicker, StrikeView> views = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            if (rows[k] == null && held[k]) {
                rows[k] = view(k, p[k], makerBid(k, units, volatility));
            }
            if (rows[k] != null) {
                views.put(event.tickers[k], rows[k]);
            }
        }
        return views;
    }

    /**
     * Market {@code k}'s row for the entry scan, priced (into {@code p[k]}) unless the gates refuse both sides at the
     * most favourable probabilities within [{@code low}, {@code high}]; null when they do.
     */
    private StrikeView row(SettlementDistribution d, int k, double[] p, double low, double high, long units,
                           double volatility) {
        int bid = makerBid(k, units, volatility);
        if (Double.isNaN(p[k])) {
            if (!pricesEveryStrike && !account.couldEnter(view(k, high, bid), Side.YES, now)
                    && !account.couldEnter(view(k, low, bid), Side.NO, now)) {
                return null;
            }
            p[k] = d.probabilityAbove(event.floors[k].dollars());
        }
        return view(k, p[k], bid);
    }

    /** The makers' best YES bid in cents on market {@code k} now. */
    private int makerBid(int k, long spotUnits, double volatility) {
        return MakerBook.bestBidCents(spotUnits / (double) SpotPrice.ONE_DOLLAR, event.floors[k].dollars(),
                volatility, event.closeSecond - now.getEpochSecond());
    }

    /** Market {@code k}'s row with probability {@code p} and the makers' best YES bid {@code bid} (the ask a cent above). */
    private StrikeView view(int k, double p, int bid) {
        int ask = bid + 1;
        Price yesBid = CENTS[bid];
        Price yesAsk = CENTS[ask];
        Money yesEdge = ask < 100 ? edge(p, yesAsk) : null;
        Money noEdge = bid > 0 ? edge(1 - p, CENTS[100 - bid]) : null;
        return new StrikeView(event.tickers[k], event.floors[k], event.ticker.close(), p, yesBid, yesAsk, yesEdge,
                noEdge, Count.ZERO, tick.price(), now, false);
    }

    /** The strike table's edge in cents as money, as trading's pricing adapter maps it. */
    private static Money edge(double probability, Price ask) {
        return new Money(Math.round(ReplayPricing.edgeCents(probability, ask) * 100));
    }

    private List<MakerBook.Level> book(MarketTicker ticker) {
        return books.computeIfAbsent(ticker, t -> MakerBook.ladder(tick.price().dollars(), t.tokenValue().dollars(),
                makerVolatility(), event.closeSecond - now.getEpochSecond()));
    }

    /** The makers price with the realised volatility of the replay's last hour, as the simulator's replay does. */
    private double makerVolatility() {
        if (returns == 0) {
            return 0.5;
        }
        int n = (int) Math.min(returns, HOUR);
        return Math.sqrt(squaredSum / n * SECONDS_PER_YEAR);
    }

    private void observeReturn(double price) {
        if (!Double.isNaN(lastPrice)) {
            double r = Math.log(price / lastPrice);
            int slot = (int) (returns % HOUR);
            squaredSum += r * r - squaredReturns[slot];
            squaredReturns[slot] = r * r;
            returns++;
        }
        lastPrice = price;
    }

    /** The close: the settlement average of (close − 60 s, close] decides each market; expired trades settle. */
    private void settle(long closeUnits) {
        double average = (event.observedSum + closeUnits / (double) SpotPrice.ONE_DOLLAR)
                / (event.observedSeconds + 1);
        long averageCents = Math.round(average * 100);
        Instant close = event.ticker.close();
        account.pass(close, Map.of(), sym -> tick);
        for (Map.Entry<Long, MarketTicker> m : event.markets.entrySet()) {
            long floorCents = floor(m.getKey()).units() / 100;
            boolean yes = averageCents > floorCents;
            account.settle(m.getValue(), yes ? Side.YES : Side.NO, close);
            List<Double> samples = event.samples.get(m.getValue());
            if (samples != null) {
                for (double sample : samples) {
                    scores.add(sample, yes);
                }
            }
        }
        event = null;
    }

    /** A strike's floor: the market pays YES above $K − 0.01, as the exchange lists it. */
    private static SpotPrice floor(long strikeDollars) {
        return new SpotPrice(strikeDollars * SpotPrice.ONE_DOLLAR - 100);
    }

    /** What a run produced, for the report. */
    record Result(List<Trade> trades, Scores scores, int hoursTraded, long tradedSeconds,
                  Money averageExposure, Money maxExposure, Map<String, Integer> blockedEntries, int killSwitchTrips,
                  String model) {

        List<Trade> filled() {
            return trades.stream().filter(t -> t.status() == TradeStatus.SETTLED || t.status() == TradeStatus.CLOSED)
                    .toList();
        }
    }
}
