package io.recio.ops;

import com.fasterxml.jackson.annotation.JsonValue;
import io.recio.market.Symbol;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of a managed service, as the admin panel, the logs and {@code system.service_event} show it.
 * recio keeps REC.IO's names; the constants say which class does each job.
 *
 * @param value lower-case letters, digits and underscores, starting with a letter, at most 64 characters
 */
public record ServiceName(String value) implements Comparable<ServiceName> {

    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** The console and API (web's {@code MainAppService}), including the browser push. */
    public static final ServiceName MAIN_APP = new ServiceName("main_app");
    /** Reconciliation with the venue, at start-up and periodically (trading's {@code TradeManagerService}). */
    public static final ServiceName TRADE_MANAGER = new ServiceName("trade_manager");
    /** Lookups of orders whose answer was lost (trading's {@code TradeExecutorService}). */
    public static final ServiceName TRADE_EXECUTOR = new ServiceName("trade_executor");
    /** Valuation, auto-stop and expiry of open trades (trading's {@code ActiveTradeSupervisor}). */
    public static final ServiceName ACTIVE_TRADE_SUPERVISOR = new ServiceName("active_trade_supervisor");
    /** Automatic entries (trading's {@code AutoEntrySupervisor}). */
    public static final ServiceName AUTO_ENTRY_SUPERVISOR = new ServiceName("auto_entry_supervisor");
    /** Exchange status, hourly events and live order books (kalshi's {@code KalshiApiWatchdog}). */
    public static final ServiceName KALSHI_API_WATCHDOG = new ServiceName("kalshi_api_watchdog");
    /** Balance, positions, orders, fills and settlements (kalshi's {@code KalshiAccountSync}). */
    public static final ServiceName KALSHI_ACCOUNT_SYNC = new ServiceName("kalshi_account_sync");
    /** Strike tables and the watchlist (pricing's {@code UnifiedProductionCoordinator}). */
    public static final ServiceName UNIFIED_PRODUCTION_COORDINATOR = new ServiceName("unified_production_coordinator");
    /** The Coinbase Exchange WebSocket client both price watchdogs read (feeds' {@code CoinbaseFeed}). */
    public static final ServiceName COINBASE_FEED = new ServiceName("coinbase_feed");
    /** Seeds a fresh demo database with price history (feeds' {@code DemoHistorySeeder}). */
    public static final ServiceName DEMO_HISTORY_SEEDER = new ServiceName("demo_history_seeder");
    /** Restarts failed services and suspends trading on trouble (ops' {@code CascadingFailureDetector}). */
    public static final ServiceName CASCADING_FAILURE_DETECTOR = new ServiceName("cascading_failure_detector");
    /** Sends the alerts through their channels (ops' {@code AlertDispatcher}). */
    public static final ServiceName ALERT_DISPATCHER = new ServiceName("alert_dispatcher");
    /** Whether the database answers, each second; suspends new entries while it does not (ops' {@code DatabaseWatchdog}). */
    public static final ServiceName DATABASE_WATCHDOG = new ServiceName("database_watchdog");
    /** Host, JVM, database and service health samples (ops' {@code SystemMonitor}). */
    public static final ServiceName SYSTEM_MONITOR = new ServiceName("system_monitor");
    /** Applies every module's {@link RetentionPolicy} hourly, so the database stays bounded (ops' {@code DataRetention}). */
    public static final ServiceName DATA_RETENTION = new ServiceName("data_retention");
    /** The built-in Coinbase feed (simulator's {@code SimulatorCoinbaseService}), demo mode only. */
    public static final ServiceName SIMULATOR_COINBASE = new ServiceName("simulator_coinbase");
    /** The built-in Kalshi exchange (simulator's {@code SimulatorKalshiService}), demo mode only. */
    public static final ServiceName SIMULATOR_KALSHI = new ServiceName("simulator_kalshi");

    public ServiceName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("service name '" + value
                    + "' must be lower-case letters, digits and underscores, starting with a letter (at most 64)");
        }
    }

    /** REC.IO's price watchdog of one symbol, e.g. {@code symbol_price_watchdog_btc} (feeds' {@code SymbolPriceWatchdog}). */
    public static ServiceName symbolPriceWatchdog(Symbol symbol) {
        return new ServiceName("symbol_price_watchdog_" + symbol.name().toLowerCase(Locale.ROOT));
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(ServiceName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
