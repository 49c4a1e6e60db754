package io.recio.ops.internal;

import io.recio.ops.Alert;
import io.recio.ops.AlertChannel;
import io.recio.ops.AlertSeverity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Alerts by e-mail over SMTP ({@code spring.mail.*} for the server, {@code recio.ops.alerts.email.*} for whom). */
@Component
class EmailAlertChannel implements AlertChannel {

    private final ObjectProvider<JavaMailSender> mail;
    private final AlertProperties.Email settings;

    EmailAlertChannel(ObjectProvider<JavaMailSender> mail, AlertProperties properties) {
        this.mail = mail;
        this.settings = properties.email();
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean enabled() {
        return settings.to() != null && !settings.to().isBlank() && mail.getIfAvailable() != null;
    }

    @Override
    public AlertSeverity minSeverity() {
        return settings.minSeverity();
    }

    @Override
    public void send(Alert alert) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(settings.to().split("\\s*,\\s*"));
        message.setSubject("[recio " + alert.severity() + "] " + alert.kind()
                + (alert.subject() == null ? "" : " " + alert.subject()));
        message.setText(alert.message() + "\n\nraised at " + alert.raisedAt() + " by recio on " + alert.host()
                + " (alert " + alert.id() + ")");
        mail.getObject().send(message);
    }
}
