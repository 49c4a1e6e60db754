package io.recio.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Kalshi's quadratic taker fee, checked against the live fills quoted in reference/kalshi-api.md §8. */
class FeesTest {

    @Test
    void fourContractsAtFortyNineCentsCostSevenCents() {
        assertThat(Fees.takerFee(Count.ofContracts(4), Price.parse("0.49"))).isEqualTo(Money.parse("0.0700"));
    }

    @Test
    void oneContractAtFortyNineCentsCostsOneSeventyFiveHundredths() {
        assertThat(Fees.takerFee(Count.ofContracts(1), Price.parse("0.49"))).isEqualTo(Money.parse("0.0175"));
    }

    @Test
    void twoContractsAtThirtyThreeCentsCostThreeAndATenthCents() {
        assertThat(Fees.takerFee(Count.ofContracts(2), Price.parse("0.33"))).isEqualTo(Money.parse("0.0310"));
    }

    @Test
    void feeIsZeroAtTheEdgesOfThePriceRange() {
        assertThat(Fees.takerFee(Count.ofContracts(100), Price.ZERO)).isEqualTo(Money.ZERO);
        assertThat(Fees.takerFee(Count.ofContracts(100), Price.ONE)).isEqualTo(Money.ZERO);
    }

    @Test
    void perContractFeeIsLargestAtFiftyCents() {
        assertThat(Fees.takerFeePerContract(Price.parse("0.50"))).isEqualTo(0.0175);
        assertThat(Fees.takerFeePerContract(Price.parse("0.95"))).isLessThan(0.0175);
    }
}
