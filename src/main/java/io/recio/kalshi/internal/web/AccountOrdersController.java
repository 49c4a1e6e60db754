package io.recio.kalshi.internal.web;

import io.recio.ApiProblem;
import io.recio.kalshi.KalshiException;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiTrading;
import io.recio.kalshi.OrderUpdated;
import io.recio.kalshi.internal.AccountStore;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Cancelling what rests of one of the account's orders on Kalshi (admin only: the orders are the account's). */
@RestController
class AccountOrdersController {

    private final AccountStore account;
    private final KalshiTrading kalshi;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountOrdersController(AccountStore account, KalshiTrading kalshi, ApplicationEventPublisher events, Clock clock) {
        this.account = account;
        this.kalshi = kalshi;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Answer of a cancel.
     *
     * @param orderId   Kalshi's order id
     * @param cancelled contracts taken off the book
     * @param status    the order's status after the cancel
     */
    record Cancelled(String orderId, String cancelled, String status) {
    }

    @DeleteMapping("/api/account/orders/{orderId}")
    @PreAuthorize("hasRole('MASTER_ADMIN')")
    Cancelled cancel(@PathVariable String orderId) {
        KalshiOrder resting = account.restingOrders().stream().filter(o -> o.orderId().equals(orderId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("no resting order " + orderId + " in the account"));
        try {
            var removed = kalshi.cancel(orderId, resting.ticker());
            KalshiOrder after = kalshi.order(orderId);
            if (account.putOrder(after, clock.instant())) {
                events.publishEvent(new OrderUpdated(after));
            }
            return new Cancelled(orderId, removed.toFp(), after.status().name().toLowerCase(java.util.Locale.ROOT));
        } catch (KalshiException e) {
            if (e.definite()) {
                throw ApiProblem.conflict("refused", "Kalshi refused the cancel: " + e.getMessage());
            }
            throw ApiProblem.unavailable("kalshi_unavailable", "Kalshi did not answer the cancel ("
                    + e.getMessage() + "); whether it was cancelled shows on the next sync");
        }
    }
}
