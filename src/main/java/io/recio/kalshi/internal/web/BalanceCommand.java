package io.recio.kalshi.internal.web;

import io.recio.kalshi.KalshiAccount;
import io.recio.kalshi.KalshiBalance;
import io.recio.ops.AdminCommand;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The admin console's {@code balance}: the Kalshi account's cash as kalshi_account_sync last mirrored it. */
@Component
class BalanceCommand implements AdminCommand {

    private final KalshiAccount account;

    BalanceCommand(KalshiAccount account) {
        this.account = account;
    }

    @Override
    public String name() {
        return "balance";
    }

    @Override
    public String usage() {
        return "balance";
    }

    @Override
    public String summary() {
        return "the Kalshi account's available cash (per shard) and portfolio value, as last synced";
    }

    @Override
    public String run(List<String> args, String user) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("it takes no arguments");
        }
        KalshiBalance b = account.balance();
        KalshiAccount.Sync sync = account.sync();
        StringBuilder text = new StringBuilder("available $" + b.available().toDollars() + ", portfolio $"
                + b.portfolioValue().toDollars());
        for (Map.Entry<Integer, io.recio.market.Money> shard : new java.util.TreeMap<>(b.byShard()).entrySet()) {
            text.append("\n  shard ").append(shard.getKey()).append(": $").append(shard.getValue().toDollars());
        }
        text.append("\n").append(sync.environment()).append(", last full sync ")
                .append(sync.lastSync() == null ? "not yet" : sync.lastSync().toString());
        return text.toString();
    }
}
