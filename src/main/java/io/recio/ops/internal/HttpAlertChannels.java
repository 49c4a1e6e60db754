package io.recio.ops.internal;

import io.recio.ops.Alert;
import io.recio.ops.AlertChannel;
import io.recio.ops.AlertSeverity;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The alert channels that speak HTTP (JDK client): a webhook, Twilio's SMS API and Telegram's Bot API. */
@Configuration(proxyBeanMethods = false)
class HttpAlertChannels {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Bean
    AlertChannel webhookChannel(AlertProperties properties, JsonMapper json) {
        AlertProperties.Webhook w = properties.webhook();
        return new Channel("webhook", w.url() != null, w.minSeverity()) {
            @Override
            public void send(Alert alert) throws Exception {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", alert.id());
                body.put("kind", alert.kind());
                body.put("severity", alert.severity().name());
                body.put("subject", alert.subject());
                body.put("message", alert.message());
                body.put("raised_at", alert.raisedAt().toString());
                body.put("host", alert.host());
                post(HttpRequest.newBuilder(w.url()).timeout(w.timeout()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), "webhook");
            }
        };
    }

    @Bean
    AlertChannel smsChannel(AlertProperties properties) {
        AlertProperties.Sms s = properties.sms();
        boolean on = s.accountSid() != null && s.authToken() != null && s.from() != null && s.to() != null;
        return new Channel("sms", on, s.minSeverity()) {
            @Override
            public void send(Alert alert) throws Exception {
                URI uri = URI.create(s.baseUrl().toString().replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                        + enc(s.accountSid()) + "/Messages.json");
                String form = "To=" + enc(s.to()) + "&From=" + enc(s.from()) + "&Body=" + enc(alert.text());
                String basic = Base64.getEncoder().encodeToString((s.accountSid() + ":" + s.authToken())
                        .getBytes(StandardCharsets.UTF_8));
                post(HttpRequest.newBuilder(uri).timeout(s.timeout()).header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)), "Twilio");
            }
        };
    }

    @Bean
    AlertChannel telegramChannel(AlertProperties properties, JsonMapper json) {
        AlertProperties.Telegram t = properties.telegram();
        return new Channel("telegram", t.botToken() != null && t.chatId() != null, t.minSeverity()) {
            @Override
            public void send(Alert alert) throws Exception {
                URI uri = URI.create(t.baseUrl().toString().replaceAll("/+$", "") + "/bot" + t.botToken()
                        + "/sendMessage");
                Map<String, Object> body = Map.of("chat_id", t.chatId(), "text", alert.text());
                post(HttpRequest.newBuilder(uri).timeout(t.timeout()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), "Telegram");
            }
        };
    }

    /** A channel's name, whether it is configured and from which severity it sends. */
    abstract static class Channel implements AlertChannel {
        private final String name;
        private final boolean enabled;
        private final AlertSeverity minSeverity;

        Channel(String name, boolean enabled, AlertSeverity minSeverity) {
            this.name = name;
            this.enabled = enabled;
            this.minSeverity = minSeverity;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean enabled() {
            return enabled;
        }

        @Override
        public AlertSeverity minSeverity() {
            return minSeverity;
        }
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
