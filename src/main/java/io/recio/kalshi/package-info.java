/**
 * Everything recio knows about Kalshi (REC.IO's kalshi_api_watchdog, kalshi_market_watchdog, kalshi_account_sync and the API half of trade_executor): the Trade API v2 client over REST and WebSocket with RSA-PSS signing, rate-limit buckets, pagination and typed errors; exchange status; live order books for the current and next hourly events; and the account sync of balance, positions, orders, fills and settlements.
 */
package io.recio.kalshi;
