/**
 * Who may use recio: users and their roles (MASTER_ADMIN, USER), password hashing, the first master admin, API tokens, per-user Kalshi credentials encrypted at rest, and per-user trade settings.
 */
package io.recio.accounts;
