/** The kalshi module's services: configuration, kalshi_api_watchdog, kalshi_account_sync and their stores. */
package io.recio.kalshi.internal;
