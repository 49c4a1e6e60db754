package io.recio.bench;

import io.recio.market.Count;
import io.recio.market.Fees;
import io.recio.market.Money;
import io.recio.market.Price;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The exact fixed-point taker fee sits on every edge computation: it must cost nanoseconds. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FeesBenchmark {

    private final Count count = Count.ofContracts(25);
    private long priceUnits = 100;

    @Benchmark
    public Money takerFee() {
        priceUnits = priceUnits >= 9_900 ? 100 : priceUnits + 100;
        return Fees.takerFee(count, new Price(priceUnits));
    }
}
