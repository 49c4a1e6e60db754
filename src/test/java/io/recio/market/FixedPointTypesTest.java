package io.recio.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FixedPointTypesTest {

    @Test
    void priceParsesKalshiDollarStringsExactly() {
        assertThat(Price.parse("0.5600").units()).isEqualTo(5600);
        assertThat(Price.parse("0.56").toDollars()).isEqualTo("0.5600");
        assertThat(Price.parse("1.0000")).isEqualTo(Price.ONE);
    }

    @Test
    void priceRejectsMoreThanFourDecimalsAndValuesOutsideOneDollar() {
        assertThatThrownBy(() -> Price.parse("0.12345")).hasMessageContaining("more than 4 decimals");
        assertThatThrownBy(() -> Price.parse("1.0100")).hasMessageContaining("outside 0.0000 to 1.0000");
        assertThatThrownBy(() -> Price.parse("abc")).hasMessageContaining("'abc' is not a decimal number");
    }

    @Test
    void noPriceIsTheComplementOfTheYesPrice() {
        assertThat(Price.parse("0.4900").complement()).isEqualTo(Price.parse("0.5100"));
    }

    @Test
    void countParsesFixedPointStringsWithTwoDecimals() {
        assertThat(Count.parse("10.00")).isEqualTo(Count.ofContracts(10));
        assertThat(Count.parse("-54.00").units()).isEqualTo(-5400);
        assertThat(Count.parse("0.01").toFp()).isEqualTo("0.01");
        assertThatThrownBy(() -> Count.parse("1.001")).hasMessageContaining("more than 2 decimals");
    }

    @Test
    void costOfContractsIsExactInHundredthsOfACent() {
        assertThat(Money.cost(Count.ofContracts(4), Price.parse("0.4900"))).isEqualTo(Money.parse("1.96"));
        assertThat(Money.cost(Count.parse("0.01"), Price.parse("0.0001")).units()).isEqualTo(1);
    }

    @Test
    void sixDecimalFeeStringsRoundUpToAHundredthOfACent() {
        assertThat(Money.parseRoundingUp("0.070000")).isEqualTo(Money.parse("0.07"));
        assertThat(Money.parseRoundingUp("0.017493")).isEqualTo(Money.parse("0.0175"));
    }

    @Test
    void spotPriceKeepsStrikesExact() {
        SpotPrice strike = SpotPrice.parse("92799.99");
        assertThat(strike.toDollars(2)).isEqualTo("92799.99");
        assertThat(SpotPrice.ofDollars(92799.9949).toDollars(2)).isEqualTo("92799.99");
        assertThatThrownBy(() -> SpotPrice.parse("-1")).hasMessageContaining("cannot be negative");
    }
}
