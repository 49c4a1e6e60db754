package io.recio.ops.internal;

import io.recio.ops.AlertSeverity;

/**
 * What one of ops' alert channels needs, from its {@code recio.ops.alerts.*} keys or as the admin set it in the
 * System page ({@code system.alert_channel_setting}). Which fields a channel uses is its own business
 * ({@link ConfigurableChannel#fields()}).
 *
 * @param enabled     whether the admin wants it used (it also needs its required fields)
 * @param target      whom it reaches: e-mail recipients, the number to text, the Telegram chat
 * @param sender      who it is from: the e-mail sender, the Twilio number
 * @param account     the Twilio account SID
 * @param secret      the webhook URL, the Twilio auth token or the Telegram bot token: never shown
 * @param minSeverity the lowest severity it sends
 */
record ChannelSettings(boolean enabled, String target, String sender, String account, String secret,
                       AlertSeverity minSeverity) {

    /** The value of a field by its wire name. */
    String field(String name) {
        return switch (name) {
            case "target" -> target;
            case "sender" -> sender;
            case "account" -> account;
            case "secret" -> secret;
            default -> throw new IllegalArgumentException("no channel field " + name);
        };
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
