package io.recio.trading.internal;

/** The trading database cases on H2 in PostgreSQL mode (the demo database). */
class TradingH2Test extends TradingDatabaseTests {
}
