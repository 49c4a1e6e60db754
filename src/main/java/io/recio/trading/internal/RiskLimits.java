package io.recio.trading.internal;

import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import java.util.List;
import java.util.Optional;

/**
 * The account's risk limits as a pure check of one new entry against what is held: max contracts
 * per order, max exposure per market and in total (at cost), max open trades, the daily loss limit
 * and the age of the data. The answer names the limit and the figures. (Whether trading may enter at all,
 * kill switch included, is the {@link TradingGate}'s answer, asked first.)
 */
public final class RiskLimits {

    private RiskLimits() {
    }

    /** What the check needs to know besides the order. */
    public record Book(List<Trade> live, Money realizedToday, Optional<String> staleData) {
    }

    /** Why the entry is blocked, or empty when it may go. */
    public static Optional<String> check(TradingProperties.Risk r, MarketTicker ticker, Count count, Price worstPrice,
                                         Book book) {
        if (book.staleData().isPresent()) {
            return Optional.of("stale data: " + book.staleData().get());
        }
        if (count.compareTo(Count.ofContracts(r.maxContractsPerOrder())) > 0) {
            return Optional.of("order of " + count + " contracts exceeds max contracts per order "
                    + r.maxContractsPerOrder());
        }
        Money loss = book.realizedToday().negate();
        Money limit = Money.ofCents(r.dailyLossLimit() * 100);
        if (loss.compareTo(limit) >= 0) {
            return Optional.of("daily loss " + loss + " reached the limit " + limit);
        }
        long open = book.live().stream().filter(t -> t.status() != TradeStatus.EXPIRED).count();
        if (open + 1 > r.maxOpenTrades()) {
            return Optional.of("max open trades " + r.maxOpenTrades() + " reached (" + open + " open)");
        }
        Money added = Money.cost(count, worstPrice);
        Money inMarket = book.live().stream().filter(t -> t.ticker().equals(ticker)).map(RiskLimits::exposure)
                .reduce(Money.ZERO, Money::plus);
        Money perMarket = Money.ofCents(r.maxExposurePerMarket() * 100);
        if (inMarket.plus(added).compareTo(perMarket) > 0) {
            return Optional.of("exposure in " + ticker + " would be " + inMarket.plus(added) + ", above "
                    + perMarket);
        }
        Money total = book.live().stream().map(RiskLimits::exposure).reduce(Money.ZERO, Money::plus);
        Money totalLimit = Money.ofCents(r.maxTotalExposure() * 100);
        if (total.plus(added).compareTo(totalLimit) > 0) {
            return Optional.of("total exposure would be " + total.plus(added) + ", above " + totalLimit);
        }
        return Optional.empty();
    }

    /** A trade's exposure at cost: what it still holds at its entry price, or its whole order while pending. */
    static Money exposure(Trade t) {
        if (t.status() == TradeStatus.PENDING) {
            return Money.cost(t.requested(), t.worstEntryPrice());
        }
        Price basis = t.entryPrice() != null ? t.entryPrice() : t.worstEntryPrice();
        return Money.cost(t.remaining(), basis);
    }
}
