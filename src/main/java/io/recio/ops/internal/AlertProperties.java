package io.recio.ops.internal;

import io.recio.ops.AlertSeverity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Whom ops tells, under {@code recio.ops.alerts.*}. A channel is used once its address is set; the e-mail channel
 * also needs {@code spring.mail.host} (and {@code spring.mail.username}/{@code password} where the server wants
 * them). Tokens and passwords are never logged or shown.
 *
 * @param dedupWindow the same kind and subject are sent once within this window
 * @param maxPerHour  at most this many alerts are sent in an hour; the rest are kept in the history only
 * @param webhook     a JSON POST to a URL of yours
 * @param email       SMTP
 * @param sms         Twilio's Messages API
 * @param telegram    Telegram's Bot API {@code sendMessage}
 */
@Validated
@ConfigurationProperties("recio.ops.alerts")
public record AlertProperties(
        @NotNull @DefaultValue("10m") Duration dedupWindow,
        @Min(1) @DefaultValue("20") int maxPerHour,
        @Valid @NotNull @DefaultValue Webhook webhook,
        @Valid @NotNull @DefaultValue Email email,
        @Valid @NotNull @DefaultValue Sms sms,
        @Valid @NotNull @DefaultValue Telegram telegram) {

    /** @param url where the JSON is posted; empty: off */
    public record Webhook(URI url, @NotNull @DefaultValue("WARNING") AlertSeverity minSeverity,
                          @NotNull @DefaultValue("10s") Duration timeout) {

        @AssertTrue(message = "url must be an http:// or https:// URL")
        public boolean isUrlHttp() {
            return url == null || "http".equals(url.getScheme()) || "https".equals(url.getScheme());
        }
    }

    /** @param to recipients, comma-separated; empty: off */
    public record Email(String to, @DefaultValue("recio@localhost") String from,
                        @NotNull @DefaultValue("WARNING") AlertSeverity minSeverity) {
    }

    /** Twilio: the account's SID and auth token, the sending number and the number to text; all set: on. */
    public record Sms(@NotNull @DefaultValue("https://api.twilio.com") URI baseUrl, String accountSid,
                      String authToken, String from, String to,
                      @NotNull @DefaultValue("CRITICAL") AlertSeverity minSeverity,
                      @NotNull @DefaultValue("10s") Duration timeout) {
    }

    /** Telegram: the bot's token and the chat to write to; both set: on. */
    public record Telegram(@NotNull @DefaultValue("https://api.telegram.org") URI baseUrl, String botToken,
                           String chatId, @NotNull @DefaultValue("WARNING") AlertSeverity minSeverity,
                           @NotNull @DefaultValue("10s") Duration timeout) {
    }
}
