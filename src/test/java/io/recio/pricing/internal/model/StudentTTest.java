package io.recio.pricing.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Closed forms: Cauchy (ν = 1), ν = 2, ν = 4, and the normal. */
class StudentTTest {

    @Test
    void cauchyUpperTailAtOneIsAQuarter() {
        assertThat(StudentT.upperTail(1, 1)).isCloseTo(0.25, within(1e-10));
    }

    @Test
    void twoDegreesOfFreedomMatchTheClosedForm() {
        // P(T > t) = 1/2 − t / (2·√(2 + t²))
        assertThat(StudentT.upperTail(1, 2)).isCloseTo(0.5 - 1 / (2 * Math.sqrt(3)), within(1e-10));
        assertThat(StudentT.upperTail(-1, 2)).isCloseTo(0.5 + 1 / (2 * Math.sqrt(3)), within(1e-10));
    }

    @Test
    void fourDegreesOfFreedomAtTwo() {
        // F(2) = 1/2 + 3/8 · x · (1 − x²/12 · ...) with x = 2/√2: 0.941942
        assertThat(StudentT.upperTail(2, 4)).isCloseTo(0.058058, within(1e-6));
    }

    @Test
    void theNormalTailAtOneSigma() {
        assertThat(StudentT.normalUpperTail(1)).isCloseTo(0.158655, within(1e-6));
        assertThat(StudentT.upperTail(1, 1e7)).isCloseTo(0.158655, within(1e-5));
    }
}
