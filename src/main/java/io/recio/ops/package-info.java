/**
 * Keeping recio running (REC.IO's system_monitor, cascading_failure_detector, supervisord controls, log rotation and error_recovery): the registry of managed services with their state and health, resource monitoring, health history, dependency-aware failure detection, trading suspension, alerts, logs and the instance lease.
 */
package io.recio.ops;
