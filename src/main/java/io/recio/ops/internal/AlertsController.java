package io.recio.ops.internal;

import io.recio.ApiProblem;
import java.security.Principal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts: the history for every signed-in user ({@code GET /api/alerts}); the channels and a test alert for the
 * master admin ({@code GET /api/alerts/channels}, {@code PUT /api/alerts/channels/{name}},
 * {@code POST /api/alerts/test}).
 */
@RestController
class AlertsController {

    private final AlertService alerts;
    private final OpsAudit audit;

    AlertsController(AlertService alerts, OpsAudit audit) {
        this.alerts = alerts;
        this.audit = audit;
    }

    /** Body of {@code POST /api/alerts/test}: one channel by name, or every enabled one when absent. */
    record TestRequest(String channel) {
    }

    @GetMapping("/api/alerts")
    List<AlertService.Row> history(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiProblem.badInput("limit", "limit must be 1 to 500");
        }
        return alerts.recent(limit);
    }

    @GetMapping("/api/alerts/channels")
    @PreAuthorize("hasRole('MASTER_ADMIN')")
    List<AlertService.ChannelStatus> channels() {
        return alerts.channels();
    }

    /**
     * Saves a channel's settings (switch, whom, from whom, account, secret, lowest severity); the secret is never
     * answered back. A null field keeps its value, an empty one clears it.
     */
    @PutMapping("/api/alerts/channels/{name}")
    @PreAuthorize("hasRole('MASTER_ADMIN')")
    AlertService.ChannelStatus configure(@PathVariable String name, @RequestBody AlertService.ChannelChange body,
                                         Principal user) {
        AlertService.ChannelStatus saved = alerts.configure(name, body, user.getName());
        List<String> changed = new java.util.ArrayList<>();
        if (body.enabled() != null) {
            changed.add(body.enabled() ? "on" : "off");
        }
        if (body.minSeverity() != null) {
            changed.add("from " + body.minSeverity());
        }
        for (String f : List.of("target", "sender", "account", "secret")) {
            String v = switch (f) {
                case "target" -> body.target();
                case "sender" -> body.sender();
                case "account" -> body.account();
                default -> body.secret();
            };
            if (v != null) {
                changed.add(f + (v.isBlank() ? " cleared" : " changed"));
            }
        }
        audit.record(user.getName(), "alert_channel", name, true, String.join(", ", changed));
        return saved;
    }

    @PostMapping("/api/alerts/test")
    @PreAuthorize("hasRole('MASTER_ADMIN')")
    List<AlertService.Delivery> test(@RequestBody(required = false) TestRequest body, Principal user) {
        String channel = body == null ? null : body.channel();
        List<AlertService.ChannelStatus> known = alerts.channels();
        if (channel != null && known.stream().noneMatch(c -> c.name().equals(channel))) {
            throw ApiProblem.badInput("channel", "unknown channel '" + channel + "'; known: "
                    + String.join(", ", known.stream().map(AlertService.ChannelStatus::name).toList()));
        }
        if (known.stream().noneMatch(c -> c.enabled() && (channel == null || c.name().equals(channel)))) {
            throw ApiProblem.conflict("no_channel", channel == null ? "no alert channel is configured"
                    : "the " + channel + " channel is not configured (recio.ops.alerts." + channel + ".*)");
        }
        List<AlertService.Delivery> done = alerts.test(channel, user.getName());
        audit.record(user.getName(), "alert_test", channel == null ? "every channel" : channel,
                done.stream().allMatch(AlertService.Delivery::ok), String.join("; ", done.stream()
                        .map(d -> d.channel() + (d.ok() ? " delivered" : " failed: " + d.error())).toList()));
        return done;
    }
}
