/** Order books kept from Kalshi's snapshots and deltas. */
package io.recio.kalshi.book;
