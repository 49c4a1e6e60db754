package io.recio.kalshi.internal;

import io.recio.Mode;
import io.recio.RecioProperties;
import io.recio.kalshi.KalshiAccount;
import io.recio.kalshi.KalshiBalance;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiPosition;
import io.recio.kalshi.KalshiSettlement;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link KalshiAccount} over the {@code trading} mirror that kalshi_account_sync keeps. */
@Component
class MirroredAccount implements KalshiAccount {

    private final AccountStore store;
    private final KalshiAccountSync sync;
    private final KalshiConnector connector;
    private final RecioProperties recio;

    MirroredAccount(AccountStore store, KalshiAccountSync sync, KalshiConnector connector, RecioProperties recio) {
        this.store = store;
        this.sync = sync;
        this.connector = connector;
        this.recio = recio;
    }

    @Override
    public KalshiBalance balance() {
        return store.balance();
    }

    @Override
    public List<KalshiPosition> positions() {
        return store.openPositions();
    }

    @Override
    public List<KalshiOrder> restingOrders() {
        return store.restingOrders();
    }

    @Override
    public List<KalshiFill> fills(int limit) {
        return store.fills(limit);
    }

    @Override
    public List<KalshiSettlement> settlements(int limit) {
        return store.settlements(limit);
    }

    @Override
    public Sync sync() {
        URI rest = connector.knownEndpoint().map(KalshiConnector.Endpoint::restUrl)
                .orElse(recio.mode() == Mode.DEMO ? null : connector.properties().restUrl());
        return new Sync(environment(rest), rest == null ? null : rest.toString(), sync.lastPass(),
                connector.properties().accountSyncInterval());
    }

    private String environment(URI rest) {
        if (recio.mode() == Mode.DEMO) {
            return "simulator";
        }
        return rest != null && rest.getHost() != null && rest.getHost().contains("demo") ? "demo" : "production";
    }
}
