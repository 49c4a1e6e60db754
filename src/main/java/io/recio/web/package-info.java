/**
 * The owner's console (REC.IO's main_app): desktop and mobile pages, security of every route (form login, sessions, roles, CSRF, 401 JSON for the API), the health endpoint, and live push to the browser.
 */
package io.recio.web;
