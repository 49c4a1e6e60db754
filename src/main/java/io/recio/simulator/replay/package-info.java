/**
 * The simulated world's rules for a replay outside the running simulators (the backtester): one-second
 * prices bridged between one-minute candles, the strike grid the exchange lists and the market makers'
 * calibrated book. The exchange simulator itself uses the same functions.
 */
@org.springframework.modulith.NamedInterface("replay")
package io.recio.simulator.replay;
