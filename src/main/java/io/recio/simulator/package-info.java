/**
 * The world recio trades in when it is not connected to the real one: a Kalshi-compatible exchange (Trade API v2 over REST and WebSocket) and a Coinbase-compatible price feed on loopback ports, with fault injection. Written from the reference documents of those APIs, never from recio's own client code, so a bug shared by a client and its simulator cannot pass.
 */
package io.recio.simulator;
