package io.recio.trading.internal;

import io.recio.kalshi.KalshiTrading;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Side;
import io.recio.trading.SettlementNotice;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import io.recio.trading.venue.OrderVenue;
import io.recio.trading.venue.PaperVenue;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Settles paper trades from the market's own result. Kalshi's account sync publishes settlements only for markets
 * the account held, and a paper account holds nothing at Kalshi, so without this its trades would stay EXPIRED:
 * each reconciliation pass reads the result of every market with EXPIRED trades and, once it is yes or no,
 * publishes the {@link SettlementNotice} that a real settlement would (fee zero: Kalshi's fees are on the fills).
 */
@Component
public class PaperSettlement {

    private static final Logger log = LoggerFactory.getLogger(PaperSettlement.class);

    private final OrderVenue venue;
    private final TradeManager trades;
    private final KalshiTrading kalshi;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public PaperSettlement(OrderVenue venue, TradeManager trades, KalshiTrading kalshi,
                           ApplicationEventPublisher events, Clock clock) {
        this.venue = venue;
        this.trades = trades;
        this.kalshi = kalshi;
        this.events = events;
        this.clock = clock;
    }

    /** One pass: the markets settled now (0 on a venue other than paper, whose settlements Kalshi publishes). */
    public int settleExpired() {
        if (!(venue instanceof PaperVenue)) {
            return 0;
        }
        Set<MarketTicker> expired = new LinkedHashSet<>();
        trades.withStatus(TradeStatus.EXPIRED).stream().map(Trade::ticker).forEach(expired::add);
        int settled = 0;
        for (MarketTicker ticker : expired) {
            String result;
            try {
                result = kalshi.marketResult(ticker.toString()).orElse("");
            } catch (RuntimeException e) {
                log.debug("result of {} not readable now ({}); retried next pass", ticker, e.getMessage());
                continue;
            }
            if ("yes".equalsIgnoreCase(result) || "no".equalsIgnoreCase(result)) {
                events.publishEvent(new SettlementNotice(ticker, Side.parse(result), Money.ZERO, clock.instant()));
                settled++;
            } else if (!result.isEmpty()) {
                log.warn("market {} settled {}, which a yes/no trade cannot take; its paper trades stay EXPIRED",
                        ticker, result);
            }
        }
        return settled;
    }
}
