/**
 * Replays history through the same pricing and trading code with a simulated clock and exchange, and reports how a model or a strategy would have done.
 */
package io.recio.backtest;
