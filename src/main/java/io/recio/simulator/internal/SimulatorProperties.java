package io.recio.simulator.internal;

import io.recio.market.Symbol;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulator's settings, {@code recio.simulator.*}.
 *
 * @param enabled    run the simulated exchange and feed (demo mode and {@code ./recio simulator} set it)
 * @param seed       the seed of every random draw; unset picks one and logs it, so a run can be repeated
 * @param startPrice where the modelled prices stand when the simulator starts
 * @param replay     real one-minute candle files to replay instead of the model
 * @param feed       the Coinbase feed simulator's behaviour
 * @param faults     fault switches set at start-up (the admin endpoint changes them at run time)
 */
@Validated
@ConfigurationProperties("recio.simulator")
public record SimulatorProperties(
        @DefaultValue("false") boolean enabled,
        Long seed,
        @Valid @NotNull @DefaultValue StartPrice startPrice,
        @Valid @NotNull @DefaultValue Replay replay,
        @Valid @NotNull @DefaultValue Feed feed,
        @Valid @NotNull @DefaultValue Faults faults) {

    /** Start prices in US dollars (at most 4 decimals). */
    public record StartPrice(
            @NotNull @DecimalMin("1") @DecimalMax("100000000") @DefaultValue("95000") BigDecimal btc,
            @NotNull @DecimalMin("1") @DecimalMax("100000000") @DefaultValue("3500") BigDecimal eth) {
    }

    /**
     * One-minute candle files (CSV, gzip or plain) replayed from the simulator's start.
     *
     * @param file    a file replayed for {@code symbol}
     * @param symbol  the symbol {@code file} is for (BTC unless set)
     * @param btcFile a file replayed for BTC
     * @param ethFile a file replayed for ETH
     */
    public record Replay(Path file, @NotNull @DefaultValue("BTC") Symbol symbol, Path btcFile, Path ethFile) {

        @AssertTrue(message = "file (for its symbol) and btc-file/eth-file name the same symbol twice; set one")
        public boolean isOneFilePerSymbol() {
            return file == null || (symbol == Symbol.BTC ? btcFile == null : ethFile == null);
        }

        /** The file replayed for a symbol, or null when the model runs it. */
        public Path fileFor(Symbol s) {
            if (file != null && symbol == s) {
                return file;
            }
            return s == Symbol.BTC ? btcFile : ethFile;
        }

        /** The key that named the file for a symbol, for error messages. */
        public String keyFor(Symbol s) {
            if (file != null && symbol == s) {
                return "recio.simulator.replay.file";
            }
            return s == Symbol.BTC ? "recio.simulator.replay.btc-file" : "recio.simulator.replay.eth-file";
        }
    }

    /** @param subscribeTimeout how long a new feed client may take to subscribe before it is disconnected */
    public record Feed(@NotNull @DefaultValue("5s") Duration subscribeTimeout) {

        @AssertTrue(message = "subscribe-timeout must be between 10ms and 10m")
        public boolean isSubscribeTimeoutSensible() {
            return subscribeTimeout == null || (subscribeTimeout.toMillis() >= 10 && subscribeTimeout.toMinutes() <= 10);
        }
    }

    /** The fault switches' values at start-up; see {@link io.recio.simulator.faults.FaultSwitches}. */
    public record Faults(
            @Min(0) @Max(120_000) @DefaultValue("0") long latencyMs,
            @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double errorFraction,
            @DefaultValue("503") int errorStatus,
            @DefaultValue("false") boolean orderResponseTimeout,
            @DefaultValue("false") boolean tradingPaused,
            @DefaultValue("false") boolean feedFrozen,
            @DefaultValue("false") boolean indexStopped) {

        @AssertTrue(message = "error-status must be 429, 500 or 503")
        public boolean isErrorStatusKnown() {
            return errorStatus == 429 || errorStatus == 500 || errorStatus == 503;
        }
    }
}
