package io.recio.ops.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.recio.ops.Alert;
import io.recio.ops.AlertChannel;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert channels that speak HTTP (JDK client): a webhook, Twilio's SMS API and Telegram's Bot API. Their
 * addresses and tokens are the admin's from the System page when saved there, else the {@code recio.ops.alerts.*}
 * keys; the service base URLs and timeouts are always the keys'.
 */
@Configuration(proxyBeanMethods = false)
class HttpAlertChannels {

    /** The webhook's body: the alert as recio shows it, snake_case like its API. */
    record WebhookPayload(long id, String kind, String severity, String subject, String message, String raisedAt,
                          String host) {
    }

    /** Telegram Bot API's {@code sendMessage} body (its field names). */
    record TelegramMessage(@JsonProperty("chat_id") String chatId, String text) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Bean
    AlertChannel webhookChannel(AlertProperties properties, AlertChannelSettings stored, JsonMapper json) {
        AlertProperties.Webhook w = properties.webhook();
        return new ConfigurableChannel("webhook", List.of(new ConfigurableChannel.Field("secret", "URL", true)),
                () -> new ChannelSettings(w.url() != null, null, null, null, w.url() == null ? null : w.url().toString(),
                        w.minSeverity()), stored) {
            @Override
            public void send(Alert alert) throws Exception {
                WebhookPayload body = new WebhookPayload(alert.id(), alert.kind(), alert.severity().name(),
                        alert.subject(), alert.message(), alert.raisedAt().toString(), alert.host());
                post(HttpRequest.newBuilder(URI.create(settings().secret())).timeout(w.timeout())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), "webhook");
            }
        };
    }

    @Bean
    AlertChannel smsChannel(AlertProperties properties, AlertChannelSettings stored) {
        AlertProperties.Sms s = properties.sms();
        return new ConfigurableChannel("sms", List.of(new ConfigurableChannel.Field("target", "To number", true),
                new ConfigurableChannel.Field("sender", "From number", true),
                new ConfigurableChannel.Field("account", "Account SID", true),
                new ConfigurableChannel.Field("secret", "Auth token", true)),
                () -> new ChannelSettings(s.to() != null && s.from() != null && s.accountSid() != null
                        && s.authToken() != null, s.to(), s.from(), s.accountSid(), s.authToken(), s.minSeverity()),
                stored) {
            @Override
            public void send(Alert alert) throws Exception {
                ChannelSettings c = settings();
                URI uri = URI.create(s.baseUrl().toString().replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                        + enc(c.account()) + "/Messages.json");
                String form = "To=" + enc(c.target()) + "&From=" + enc(c.sender()) + "&Body=" + enc(alert.text());
                String basic = Base64.getEncoder().encodeToString((c.account() + ":" + c.secret())
                        .getBytes(StandardCharsets.UTF_8));
                post(HttpRequest.newBuilder(uri).timeout(s.timeout()).header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)), "Twilio");
            }
        };
    }

    @Bean
    AlertChannel telegramChannel(AlertProperties properties, AlertChannelSettings stored, JsonMapper json) {
        AlertProperties.Telegram t = properties.telegram();
        return new ConfigurableChannel("telegram", List.of(new ConfigurableChannel.Field("target", "Chat id", true),
                new ConfigurableChannel.Field("secret", "Bot token", true)),
                () -> new ChannelSettings(t.chatId() != null && t.botToken() != null, t.chatId(), null, null,
                        t.botToken(), t.minSeverity()), stored) {
            @Override
            public void send(Alert alert) throws Exception {
                ChannelSettings c = settings();
                URI uri = URI.create(t.baseUrl().toString().replaceAll("/+$", "") + "/bot" + c.secret()
                        + "/sendMessage");
                TelegramMessage body = new TelegramMessage(c.target(), alert.text());
                post(HttpRequest.newBuilder(uri).timeout(t.timeout()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), "Telegram");
            }
        };
    }

    /** Sends and insists on a 2xx; the error names the service and its answer (never the request, which holds tokens). */
    static void post(HttpRequest.Builder request, String service) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            throw new IOException(service + " answered " + response.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
