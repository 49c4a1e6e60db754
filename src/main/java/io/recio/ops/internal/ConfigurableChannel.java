package io.recio.ops.internal;

import io.recio.ops.AlertChannel;
import io.recio.ops.AlertSeverity;
import java.util.List;
import java.util.function.Supplier;

/**
 * One of ops' own alert channels, configurable in the System page: its settings are the admin's when stored, else
 * its {@code recio.ops.alerts.*} keys, read at each use so a change applies to the next alert.
 */
abstract class ConfigurableChannel implements AlertChannel {

    /**
     * A field the channel uses.
     *
     * @param name     {@code target}, {@code sender}, {@code account} or {@code secret}
     * @param label    what the admin panel calls it
     * @param required whether the channel cannot send without it
     */
    record Field(String name, String label, boolean required) {
    }

    private final String name;
    private final List<Field> fields;
    private final Supplier<ChannelSettings> configured;
    private final AlertChannelSettings stored;

    ConfigurableChannel(String name, List<Field> fields, Supplier<ChannelSettings> configured,
                        AlertChannelSettings stored) {
        this.name = name;
        this.fields = fields;
        this.configured = configured;
        this.stored = stored;
    }

    @Override
    public String name() {
        return name;
    }

    List<Field> fields() {
        return fields;
    }

    /** Whether the admin's settings (not the configuration keys) are in use. */
    boolean setByAdmin() {
        return stored.stored(name).isPresent();
    }

    ChannelSettings settings() {
        return stored.stored(name).orElseGet(configured);
    }

    /** What keeps it from sending besides its fields (e.g. no SMTP server), or null. */
    String unavailable() {
        return null;
    }

    @Override
    public boolean enabled() {
        ChannelSettings s = settings();
        return s.enabled() && unavailable() == null
                && fields.stream().noneMatch(f -> f.required() && ChannelSettings.blank(s.field(f.name())));
    }

    @Override
    public AlertSeverity minSeverity() {
        return settings().minSeverity();
    }
}
