package io.recio.trading.internal.adapters;

import io.recio.kalshi.FillReceived;
import io.recio.kalshi.KalshiSettlement;
import io.recio.kalshi.SettlementReceived;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Side;
import io.recio.trading.SettlementNotice;
import io.recio.trading.internal.ActiveTradeSupervisor;
import io.recio.trading.internal.TradeExecutor;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Consumes kalshi_account_sync's events: a settlement settles the expired trades of its market with
 * Kalshi's result; a fill of one of our known orders is recorded at once (deduplicated by trade id).
 */
@Component
public class AccountSyncAdapter {

    private static final Logger log = LoggerFactory.getLogger(AccountSyncAdapter.class);

    private final ActiveTradeSupervisor active;
    private final TradeExecutor executor;

    public AccountSyncAdapter(ActiveTradeSupervisor active, TradeExecutor executor) {
        this.active = active;
        this.executor = executor;
    }

    @EventListener
    public void onSettlement(SettlementReceived event) {
        notice(event.settlement()).ifPresent(active::onSettlement);
    }

    @EventListener
    public void onFill(FillReceived event) {
        executor.importFill(event.fill().orderId(), KalshiOrderVenue.yesPriced(event.fill()));
    }

    /** Kalshi's settlement as trading's notice; scalar results and other markets are not trading's. */
    static Optional<SettlementNotice> notice(KalshiSettlement s) {
        Optional<MarketTicker> ticker = KalshiOrderVenue.hourly(s.ticker());
        if (ticker.isEmpty() || !("yes".equalsIgnoreCase(s.result()) || "no".equalsIgnoreCase(s.result()))) {
            log.info("settlement of {} with result {} is not an hourly yes/no market; ignored", s.ticker(), s.result());
            return Optional.empty();
        }
        // Kalshi's settlement fee_cost is the total of the fees already paid on the market's fills
        // (reference get-settlements.yaml: "Total fees paid"), not a charge at settlement: nothing extra.
        return Optional.of(new SettlementNotice(ticker.get(), Side.parse(s.result()), Money.ZERO, s.settledAt()));
    }
}
