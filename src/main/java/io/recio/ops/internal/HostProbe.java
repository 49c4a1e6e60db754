package io.recio.ops.internal;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The host and the JVM as the JDK's own management beans see them (no native library): CPU load, memory
 * (available memory from {@code /proc/meminfo} where there is one, since "free" counts the page cache as used),
 * the data directory's file system, heap, threads, and time spent in garbage collection.
 */
final class HostProbe {

    private static final Path MEMINFO = Path.of("/proc/meminfo");

    /** What the host and JVM show at one moment; sizes in bytes, null where the platform does not tell. */
    record Reading(Double cpuLoad, int cores, long memoryTotal, long memoryAvailable, Long diskTotal, Long diskUsable,
                   long heapUsed, long heapMax, int threads, long gcMillisTotal) {
    }

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Path dataDir;

    HostProbe(Path dataDir) {
        this.dataDir = dataDir;
    }

    Reading read() {
        double load = os.getCpuLoad();
        long total = os.getTotalMemorySize();
        Long available = memAvailable();
        Long diskTotal = null;
        Long diskUsable = null;
        try {
            var store = Files.getFileStore(Files.exists(dataDir) ? dataDir : dataDir.toAbsolutePath().getRoot());
            diskTotal = store.getTotalSpace();
            diskUsable = store.getUsableSpace();
        } catch (IOException | RuntimeException e) {
            // no file system figures: the disk is shown as unknown
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long gc = 0;
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        for (GarbageCollectorMXBean c : collectors) {
            gc += Math.max(0, c.getCollectionTime());
        }
        return new Reading(load < 0 ? null : load, os.getAvailableProcessors(), total,
                available != null ? available : os.getFreeMemorySize(), diskTotal, diskUsable, heap.getUsed(),
                heap.getMax() > 0 ? heap.getMax() : heap.getCommitted(),
                ManagementFactory.getThreadMXBean().getThreadCount(), gc);
    }

    /** MemAvailable from {@code /proc/meminfo} in bytes, or null where there is none. */
    static Long memAvailable() {
        if (!Files.isReadable(MEMINFO)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(MEMINFO)) {
                if (line.startsWith("MemAvailable:")) {
                    String[] parts = line.substring("MemAvailable:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall back to the bean's free memory
        }
        return null;
    }
}
