package io.recio.ops.internal;

import io.recio.ops.Alert;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Alerts by e-mail over SMTP ({@code spring.mail.*} for the server; whom and from whom by
 * {@code recio.ops.alerts.email.*} or the System page).
 */
@Component
class EmailAlertChannel extends ConfigurableChannel {

    private final ObjectProvider<JavaMailSender> mail;

    EmailAlertChannel(ObjectProvider<JavaMailSender> mail, AlertProperties properties, AlertChannelSettings stored) {
        super("email", List.of(new Field("target", "To (comma-separated)", true), new Field("sender", "From", false)),
                () -> new ChannelSettings(true, properties.email().to(), properties.email().from(), null, null,
                        properties.email().minSeverity()), stored);
        this.mail = mail;
    }

    @Override
    String unavailable() {
        return mail.getIfAvailable() == null ? "no SMTP server: set spring.mail.host (and its username and password)"
                : null;
    }

    @Override
    public void send(Alert alert) {
        ChannelSettings s = settings();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(ChannelSettings.blank(s.sender()) ? "recio@localhost" : s.sender());
        message.setTo(s.target().split("\\s*,\\s*"));
        message.setSubject("[recio " + alert.severity() + "] " + alert.kind()
                + (alert.subject() == null ? "" : " " + alert.subject()));
        message.setText(alert.message() + "\n\nraised at " + alert.raisedAt() + " by recio on " + alert.host()
                + " (alert " + alert.id() + ")");
        mail.getObject().send(message);
    }
}
