package io.ringbook.admin;

import io.ringbook.engine.health.HealthCheck;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.health.HealthStatus;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The health of what the engine runs on: the disk of its data directory (DEGRADED under
 * 1 GiB free, DOWN under 100 MiB: the journal could not keep accepting orders) and the
 * JVM: heap in use (DEGRADED above 90% of the maximum; used/max is what is cheap to read
 * and a fair early warning), collections and the time spent in them, threads.
 */
final class ProcessHealth {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    private ProcessHealth() {
    }

    static List<HealthComponent> of(Path dataDir) {
        return List.of(disk(dataDir), jvm());
    }

    private static HealthComponent disk(Path dataDir) {
        return HealthComponent.of("disk", true, () -> {
            try {
                FileStore store = Files.getFileStore(dataDir);
                long free = store.getUsableSpace();
                HealthStatus status = free < 100 * MIB ? HealthStatus.DOWN : free < GIB ? HealthStatus.DEGRADED : HealthStatus.UP;
                return new HealthCheck(status, Map.of("path", dataDir.toAbsolutePath().toString(), "freeBytes", free,
                        "totalBytes", store.getTotalSpace()));
            } catch (IOException e) {
                return new HealthCheck(HealthStatus.DOWN, Map.of("path", dataDir.toString(), "error", String.valueOf(e.getMessage())));
            }
        });
    }

    private static HealthComponent jvm() {
        return HealthComponent.of("jvm", false, () -> {
            Runtime runtime = Runtime.getRuntime();
            long used = runtime.totalMemory() - runtime.freeMemory();
            long max = runtime.maxMemory();
            long collections = 0;
            long collectionMillis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                collections += Math.max(0, gc.getCollectionCount());
                collectionMillis += Math.max(0, gc.getCollectionTime());
            }
            return new HealthCheck(used * 10 > max * 9 ? HealthStatus.DEGRADED : HealthStatus.UP, Map.of("heapUsedBytes", used,
                    "heapMaxBytes", max, "gcCount", collections, "gcTimeMillis", collectionMillis,
                    "threads", Thread.activeCount(), "processors", runtime.availableProcessors()));
        });
    }
}
