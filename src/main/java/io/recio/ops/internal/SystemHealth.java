package io.recio.ops.internal;

import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import java.time.Instant;
import java.util.List;

/**
 * One system_monitor sample, as {@code GET /api/system/health} answers it (REC.IO's {@code /api/db/system_health}:
 * resources in GB and percent with their level, the services' health, the database, the data ages).
 *
 * @param timestamp      when it was sampled
 * @param instanceId     this recio instance
 * @param cpu            CPU use of the host
 * @param memory         host memory
 * @param disk           the file system of the data directory
 * @param jvm            heap, threads and garbage collection
 * @param database       reachability, ping and the connection pool
 * @param services       how many services are in which state
 * @param data           how old the data trading needs is
 * @param otherInstances other recio instances with a fresh heartbeat on the same database
 * @param sameDataDir    whether another process holds this data directory
 */
record SystemHealth(Instant timestamp, String instanceId, Resource cpu, Resource memory, Resource disk, Jvm jvm,
                    Database database, Services services, List<DataAge> data, List<OtherInstance> otherInstances,
                    boolean sameDataDir) {

    /** LOW, MEDIUM or HIGH, from the configured percentages. */
    enum Level { LOW, MEDIUM, HIGH }

    /**
     * A resource: its use in percent and level; sizes in GB where it has a size (null for the CPU).
     *
     * @param percent in use, null when the host does not tell
     * @param level   from the percent, null when unknown
     * @param totalGb size
     * @param usedGb  in use
     * @param freeGb  available
     * @param cores   processors (CPU only)
     */
    record Resource(Double percent, Level level, Double totalGb, Double usedGb, Double freeGb, Integer cores) {
    }

    /** The JVM: heap in MB, live threads, milliseconds spent in garbage collection since the last sample. */
    record Jvm(double heapUsedMb, double heapMaxMb, Double heapPercent, Level heapLevel, int threads, long gcPauseMs) {
    }

    /** The database: reachable or the error, ping time, the pool's connections (null when not pooled). */
    record Database(boolean reachable, Long pingMs, String error, Integer poolActive, Integer poolIdle,
                    Integer poolTotal, Integer poolWaiting) {
    }

    /** How many services are in each state, whether all are well, and each one's state. */
    record Services(int total, int running, int degraded, int failed, int starting, int stopped, boolean healthy,
                    List<ServiceStatus> states) {
    }

    /** One service's state in a sample. */
    record ServiceStatus(ServiceName name, ServiceState state) {
    }

    /** The age of one piece of data, null when there is none yet. */
    record DataAge(String subject, Long ageSeconds) {
    }

    /** Another instance recorded in {@code system.instance} with a fresh heartbeat. */
    record OtherInstance(String instanceId, String host, String mode, Instant startedAt, Instant heartbeatAt) {
    }
}
