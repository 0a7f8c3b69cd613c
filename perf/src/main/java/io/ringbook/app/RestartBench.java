package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How long a restart takes after a long journal. {@code RestartBench journal COMMANDS RATE DIR}
 * journals the commands at RATE a second through the demo engine (a flow whose open orders stay flat: a
 * resting sell, an IOC buy that takes it, an IOC sell that finds nothing), takes a
 * snapshot, prints the live heap after a full GC before and after the commands (the whole
 * app, FIX door included: what a day of orders costs) and stops; {@code RestartBench restart DIR} then times a start on that data
 * directory until it is ready (run it in a JVM of its own, as a restart is), and
 * {@code RestartBench restart-full DIR} the same without the read-model snapshots: a start
 * that reads the whole output journal. Lives in the app's package (in perf, outside
 * {@code mvn verify}) to start {@link RunningEngine} as {@code ringbook start} does.
 */
public final class RestartBench {

    private static final long PRICE = 3_000_000;
    /** The least a paced publisher parks: the commands due meanwhile then go in a burst. */
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private RestartBench() {
    }

    public static void main(String[] args) throws Exception {
        PipelineConfig config = PipelineConfig.DEFAULTS.withSnapshotIntervalMillis(0);
        switch (args[0]) {
            // an outbound ring of 2^18 events (3 s at 20,000 orders/s, not the default's 0.2 s): on a shared 2-core machine
            // a second without a core must not cut the read models off, or the run proves nothing about them
            case "journal" -> journal(Long.parseLong(args[1]), Long.parseLong(args[2]), Path.of(args[3]),
                    new PipelineConfig(config.ringSize(), config.waitStrategy(), 1 << 18, config.outboundWait(),
                            config.maxBatchSize(), config.clockTickMillis(), 0, config.outputJournalThread()));
            case "restart" -> restart(Path.of(args[1]), config, "restart    with the read-model snapshot:   ");
            case "restart-full" -> {
                Path data = Path.of(args[1]);
                try (Stream<Path> files = Files.list(data.resolve("views"))) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                restart(data, config, "restart    without it (whole output journal):");
            }
            default -> throw new IllegalArgumentException("journal COMMANDS RATE DIR | restart DIR | restart-full DIR");
        }
    }

    /** At {@code rate} commands a second: a flood would leave the edges (the read models among them) behind and cut off. */
    private static void journal(long commands, long rate, Path data, PipelineConfig config) throws Exception {
        long started = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        try (RunningEngine engine = RunningEngine.startDemo(data, true, config, Durability.PROCESS_CRASH, Ports.any())) {
            long liveAtStart = liveHeap();
            CommandPublisher publisher = engine.pipeline().publisher();
            long paced = System.nanoTime(); // from here: the start's seconds must not become a burst of commands
            for (long i = 1; i <= commands; i++) {
                int account = (int) (i % 4);
                long n = i;
                CommandPublisher.CommandWriter writer = switch ((int) (i % 3)) {
                    case 0 -> slot -> slot.newOrder(account, 2, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, PRICE, 2)
                            .clOrdId.set("s" + Long.toString(n, 36));
                    case 1 -> slot -> slot.newOrder((account + 1) % 4, 2, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, PRICE, 2)
                            .clOrdId.set("b" + Long.toString(n, 36));
                    default -> slot -> slot.newOrder(account, 2, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, PRICE / 2, 1)
                            .clOrdId.set("i" + Long.toString(n, 36));
                };
                long wait = paced + i * interval - System.nanoTime();
                if (wait > 0) {
                    // parked, not spinning: on two cores a spinning publisher takes the core the outbound thread needs
                    LockSupport.parkNanos(Math.max(wait, PARK_NANOS));
                }
                while (!publisher.tryPublish(writer)) {
                    Thread.onSpinWait();
                }
            }
            long sequence = engine.snapshotNow().get(60, TimeUnit.SECONDS);
            Path views = data.resolve("views").resolve(String.format("views-%020d.rbv", sequence));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(views) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (!Files.exists(views)) {
                throw new IllegalStateException("no read-model snapshot (" + engine.pipeline().health().stream()
                        .map(component -> component.name() + " " + component.check().details()).toList()
                        + "): if the edges were cut off, journal at a lower rate");
            }
            System.out.printf("journaled  %,d commands in %.1f s (%,d ms of CPU); snapshot at sequence %,d%n", commands,
                    (System.nanoTime() - started) / 1e9, TimeUnit.NANOSECONDS.toMillis(processCpuNanos()), sequence);
            long live = liveHeap();
            System.out.printf("heap       live after a full GC %,d MB at start, %,d MB after the commands: %,d B per order"
                    + " of the day (REST read models, FIX door and engine)%n", liveAtStart >> 20, live >> 20,
                    (live - liveAtStart) / commands);
        }
        System.out.printf("data       %,d MB in %s%n", size(data) >> 20, data);
    }

    private static void restart(Path data, PipelineConfig config, String what) {
        long started = System.nanoTime();
        try (RunningEngine engine = RunningEngine.startDemo(data, false, config, Durability.PROCESS_CRASH, Ports.any())) {
            ReadModelsStart.Outcome views = engine.readModels();
            long ready = System.nanoTime() - started;
            System.out.printf("%s ready in %,d ms, %,d ms of CPU since the JVM started (engine recovered in %,d ms from"
                    + " snapshot %,d, %,d commands replayed; read models from sequence %,d and %,d output events in %,d ms)%n",
                    what, TimeUnit.NANOSECONDS.toMillis(ready), TimeUnit.NANOSECONDS.toMillis(processCpuNanos()),
                    TimeUnit.NANOSECONDS.toMillis(engine.recovery().nanosTaken()), engine.recovery().snapshotSequence(),
                    engine.recovery().commandsReplayed(), views.restoredAt(), views.events(), TimeUnit.NANOSECONDS.toMillis(views.nanos()));
            System.out.println("cpu by thread (ms, live threads; ended ones are the rest of the process's): " + threadsCpu());
        }
    }

    /**
     * CPU so far of each live thread, the JVM's own too (GC, JIT compilers), summed by name
     * without trailing digits, busiest first: where a start's seconds of CPU went. From
     * Linux's {@code /proc/self/task/N/schedstat} (time on a core, in nanoseconds); empty elsewhere.
     */
    private static String threadsCpu() {
        Map<String, Long> byName = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[-#]?\\d+$", "");
                    long nanos = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    byName.merge(name, nanos, Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while the list was read
                }
            }
        } catch (IOException notLinux) {
            return "";
        }
        return byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> entry.getKey() + " " + TimeUnit.NANOSECONDS.toMillis(entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** CPU time of the whole process so far, every thread (the JVM's own included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Heap in use after a full collection (the engine idle: nothing in flight). */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
