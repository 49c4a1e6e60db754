/**
 * Probabilities and strike tables (REC.IO's unified_production_coordinator, later strike_table_generator): the settlement-aware probability models behind one interface, the live strike tables for BTC and ETH with the edge of each side after the taker fee, the watchlist, and the strike-table JSON file.
 */
package io.recio.pricing;
