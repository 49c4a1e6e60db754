package io.recio.ops;

/** Published whenever a managed service changes state (the console shows it live; the detector reacts). */
public record ServiceStateChanged(ServiceHealth health, ServiceState previous) {
}
