/**
 * The simulated world's prices as other modules read them: the one-second index ({@link io.recio.simulator.prices.SimulatedPrices})
 * and minute candles for a past period ({@link io.recio.simulator.prices.SimulatedHistory}).
 */
@org.springframework.modulith.NamedInterface("prices")
package io.recio.simulator.prices;
