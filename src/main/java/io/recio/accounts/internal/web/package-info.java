/** The accounts module's REST API: the signed-in user's own account (preferences, password). */
package io.recio.accounts.internal.web;
