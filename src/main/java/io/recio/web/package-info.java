/**
 * The owner's console (REC.IO's main_app): the pages on one layout for desktop and phone (Trade Monitor, History,
 * Backtests, Account, Settings, System), security of every route (form login, sessions, roles, CSRF, CSP, problem answers for
 * the API), the health endpoint, and the live channel that pushes every {@link io.recio.LiveUpdate} to the
 * browsers over one WebSocket per tab.
 */
package io.recio.web;
