/** Kalshi Trade API v2 wire code: signing, REST and WebSocket clients, rate limits and payload parsers. */
package io.recio.kalshi.client;
