/**
 * Live BTC and ETH prices (REC.IO's symbol_price_watchdog_btc and symbol_price_watchdog_eth): the Coinbase Exchange WebSocket client with a fallback source, the one-second price log with its 1/2/3/4/15/30-minute deltas and weighted momentum, staleness detection, and the import of one-minute candle history.
 */
package io.recio.feeds;
