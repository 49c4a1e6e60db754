/** The kalshi module's REST API under {@code /api/markets} and {@code /api/account}. */
package io.recio.kalshi.internal.web;
