package io.ringbook.perf;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time per command, per thread, over a harness run's measured window: on a machine
 * shared with other work, wall-clock throughput says how much CPU the run was given,
 * while CPU nanoseconds per command say what each thread of the pipeline costs. Threads
 * are grouped by name with trailing digits dropped (GC and compiler workers); the
 * process total includes the JVM's own threads.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Map<Long, Long> startByThread;
    private final long processStart;

    private ThreadCpu(Map<Long, Long> startByThread, long processStart) {
        this.startByThread = startByThread;
        this.processStart = processStart;
    }

    /** Starts a window now. */
    static ThreadCpu start() {
        Map<Long, Long> start = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu >= 0) {
                start.put(id, cpu);
            }
        }
        return new ThreadCpu(start, PROCESS.getProcessCpuTime());
    }

    /** The window's CPU per command, busiest thread group first, e.g. {@code ringbook-logic 251}. */
    String perCommand(long commands) {
        Map<String, Long> byName = new HashMap<>();
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (cpu < 0 || infos[i] == null) {
                continue;
            }
            String name = infos[i].getThreadName().replaceAll("[-#]?\\d+$", "");
            byName.merge(name, cpu - startByThread.getOrDefault(ids[i], 0L), Long::sum);
        }
        long process = PROCESS.getProcessCpuTime() - processStart;
        List<Map.Entry<String, Long>> busiest = new ArrayList<>(byName.entrySet());
        busiest.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        long perCommand = Math.max(1, commands);
        StringBuilder line = new StringBuilder(String.format("process %d ns/cmd:", process / perCommand));
        for (Map.Entry<String, Long> entry : busiest) {
            long ns = entry.getValue() / perCommand;
            if (ns > 0) {
                line.append(' ').append(entry.getKey()).append(' ').append(ns).append(',');
            }
        }
        line.setLength(line.length() - 1);
        return line.toString();
    }
}
