package io.recio.simulator.exchange.internal;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated exchange's members on disk, so the demo world survives a crash of recio as a real exchange
 * would: every account with its key, cash, positions, orders, fills and settlements. The whole state is written
 * to a temporary file, forced to disk and moved over the previous one (atomic on POSIX file systems), then the
 * directory is forced, before the request that changed it is answered; a crash at any point leaves the last
 * complete state. Markets and the makers' quotes are not kept: they are listed and quoted again from the clock.
 */
final class ExchangeJournal {

    static final String FILE_NAME = "exchange-state.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;
    private final Path file;

    ExchangeJournal(Path dir) {
        this.dir = dir;
        this.file = dir.resolve(FILE_NAME);
    }

    /** What was kept: the accounts and the exchange's order sequence. */
    record State(List<SimAccount> accounts, long orderSequence) {
    }

    /** The kept state, or null when there is none yet. */
    State load() {
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulated exchange's state " + file, e);
        }
        List<SimAccount> accounts = new ArrayList<>();
        for (JsonNode a : root.get("accounts")) {
            accounts.add(account(a));
        }
        return new State(accounts, root.get("order_sequence").asLong());
    }

    /** Writes the whole state durably (see the class comment). */
    void save(Iterable<SimAccount> accounts, long orderSequence) {
        ObjectNode root = JSON.createObjectNode();
        root.put("order_sequence", orderSequence);
        ArrayNode list = root.putArray("accounts");
        for (SimAccount account : accounts) {
            list.add(json(account));
        }
        byte[] bytes = JSON.writeValueAsBytes(root);
        try {
            Files.createDirectories(dir);
            Path temp = dir.resolve(FILE_NAME + ".tmp");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the simulated exchange's state in " + file, e);
        }
    }

    private static ObjectNode json(SimAccount a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("account_id", a.accountId);
        n.put("key_id", a.keyId);
        n.put("public_key", Base64.getEncoder().encodeToString(a.publicKey.getEncoded()));
        n.put("cash", a.cash.units());
        n.put("updated", a.updated.toString());
        ArrayNode positions = n.putArray("positions");
        for (SimAccount.Position p : a.positions.values()) {
            ObjectNode j = positions.addObject();
            j.put("ticker", p.ticker);
            j.put("event_ticker", p.eventTicker);
            j.put("contracts", p.contracts.units());
            j.put("exposure", p.exposure.units());
            j.put("realized_pnl", p.realizedPnl.units());
            j.put("fees_paid", p.feesPaid.units());
            j.put("total_traded", p.totalTraded.units());
            j.put("volume", p.volume.units());
            j.put("yes_cost", p.yesCost.units());
            j.put("no_cost", p.noCost.units());
            j.put("yes_bought", p.yesBought.units());
            j.put("no_bought", p.noBought.units());
            j.put("last_updated", p.lastUpdated.toString());
        }
        ArrayNode orders = n.putArray("orders");
        for (SimOrder o : a.orders.values()) {
            ObjectNode j = orders.addObject();
            j.put("order_id", o.orderId);
            j.put("client_order_id", o.clientOrderId);
            j.put("ticker", o.ticker);
            j.put("side", o.side.name());
            j.put("time_in_force", o.timeInForce);
            j.put("self_trade_prevention", o.selfTradePrevention);
            j.put("post_only", o.postOnly);
            j.put("created", o.created.toString());
            j.put("sequence", o.sequence);
            j.put("price", o.price.units());
            j.put("initial", o.initial.units());
            j.put("filled", o.filled.units());
            j.put("remaining", o.remaining.units());
            j.put("status", o.status.name());
            j.put("updated", o.updated.toString());
            j.put("taker_fees", o.takerFees.units());
            j.put("maker_fees", o.makerFees.units());
            j.put("taker_fill_cost", o.takerFillCost.units());
            j.put("maker_fill_cost", o.makerFillCost.units());
            j.put("reserved", o.reserved.units());
            j.put("yes_notional_filled", o.yesNotionalFilled.units());
            if (o.expirationSeconds != null) {
                j.put("expiration_seconds", o.expirationSeconds);
            }
            j.put("cancel_on_pause", o.cancelOnPause);
        }
        ArrayNode fills = n.putArray("fills");
        for (SimAccount.Fill f : a.fills) {
            ObjectNode j = fills.addObject();
            j.put("fill_id", f.fillId());
            j.put("trade_id", f.tradeId());
            j.put("order_id", f.orderId());
            j.put("ticker", f.ticker());
            j.put("book_side", f.bookSide().name());
            j.put("count", f.count().units());
            j.put("yes_price", f.yesPriceUnits());
            j.put("taker", f.taker());
            j.put("fee", f.fee().units());
            j.put("post_position", f.postPosition().units());
            j.put("time", f.time().toString());
            j.put("client_order_id", f.clientOrderId());
        }
        ArrayNode settlements = n.putArray("settlements");
        for (SimAccount.Settlement s : a.settlements) {
            ObjectNode j = settlements.addObject();
            j.put("ticker", s.ticker());
            j.put("event_ticker", s.eventTicker());
            j.put("result", s.result());
            j.put("yes_count", s.yesCount().units());
            j.put("yes_cost", s.yesCost().units());
            j.put("no_count", s.noCount().units());
            j.put("no_cost", s.noCost().units());
            j.put("revenue_cents", s.revenueCents());
            j.put("settled_time", s.settledTime().toString());
            j.put("fee_cost", s.feeCost().units());
            if (s.valueCents() != null) {
                j.put("value_cents", s.valueCents());
            }
        }
        return n;
    }

    private static SimAccount account(JsonNode n) {
        SimAccount a = new SimAccount(text(n, "account_id"), text(n, "key_id"), publicKey(text(n, "public_key")),
                new Money(n.get("cash").asLong()), instant(n, "updated"));
        for (JsonNode j : n.get("positions")) {
            SimAccount.Position p = new SimAccount.Position(text(j, "ticker"), text(j, "event_ticker"),
                    instant(j, "last_updated"));
            p.contracts = new Count(j.get("contracts").asLong());
            p.exposure = money(j, "exposure");
            p.realizedPnl = money(j, "realized_pnl");
            p.feesPaid = money(j, "fees_paid");
            p.totalTraded = money(j, "total_traded");
            p.volume = new Count(j.get("volume").asLong());
            p.yesCost = money(j, "yes_cost");
            p.noCost = money(j, "no_cost");
            p.yesBought = new Count(j.get("yes_bought").asLong());
            p.noBought = new Count(j.get("no_bought").asLong());
            a.positions.put(p.ticker, p);
        }
        for (JsonNode j : n.get("orders")) {
            SimOrder o = new SimOrder(text(j, "order_id"), a.accountId, false, text(j, "client_order_id"),
                    text(j, "ticker"), SimOrder.BookSide.valueOf(text(j, "side")), new Price(j.get("price").asLong()),
                    new Count(j.get("initial").asLong()), text(j, "time_in_force"), text(j, "self_trade_prevention"),
                    j.get("post_only").asBoolean(), instant(j, "created"), j.get("sequence").asLong());
            o.filled = new Count(j.get("filled").asLong());
            o.remaining = new Count(j.get("remaining").asLong());
            o.status = SimOrder.Status.valueOf(text(j, "status"));
            o.updated = instant(j, "updated");
            o.takerFees = money(j, "taker_fees");
            o.makerFees = money(j, "maker_fees");
            o.takerFillCost = money(j, "taker_fill_cost");
            o.makerFillCost = money(j, "maker_fill_cost");
            o.reserved = money(j, "reserved");
            o.yesNotionalFilled = money(j, "yes_notional_filled");
            o.expirationSeconds = j.hasNonNull("expiration_seconds") ? j.get("expiration_seconds").asLong() : null;
            o.cancelOnPause = j.get("cancel_on_pause").asBoolean();
            a.orders.put(o.orderId, o);
            if (o.clientOrderId != null) {
                a.orderIdByClientOrderId.put(o.clientOrderId, o.orderId);
            }
        }
        for (JsonNode j : n.get("fills")) {
            a.fills.add(new SimAccount.Fill(text(j, "fill_id"), text(j, "trade_id"), text(j, "order_id"),
                    text(j, "ticker"), SimOrder.BookSide.valueOf(text(j, "book_side")),
                    new Count(j.get("count").asLong()), j.get("yes_price").asLong(), j.get("taker").asBoolean(),
                    money(j, "fee"), new Count(j.get("post_position").asLong()), instant(j, "time"),
                    text(j, "client_order_id")));
        }
        for (JsonNode j : n.get("settlements")) {
            a.settlements.add(new SimAccount.Settlement(text(j, "ticker"), text(j, "event_ticker"),
                    text(j, "result"), new Count(j.get("yes_count").asLong()), money(j, "yes_cost"),
                    new Count(j.get("no_count").asLong()), money(j, "no_cost"), j.get("revenue_cents").asLong(),
                    instant(j, "settled_time"), money(j, "fee_cost"),
                    j.hasNonNull("value_cents") ? j.get("value_cents").asLong() : null));
        }
        return a;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Money money(JsonNode n, String field) {
        return new Money(n.get(field).asLong());
    }

    private static Instant instant(JsonNode n, String field) {
        return Instant.parse(text(n, field));
    }

    private static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the kept state holds a public key this JDK cannot read", e);
        }
    }
}
