package io.ringbook.engine.pipeline;

/**
 * The pipeline's knobs. The defaults suit a 2-core machine: both consumer threads block
 * when idle, holding no core, and in a paced load they gave the lowest latency here
 * (docs/PERFORMANCE.md has the figures per strategy; with a core to spare, YIELDING on the logic
 * thread gives the most throughput). Rings are small on purpose: every slot is a preallocated object, and a ring
 * that outgrows the CPU caches costs a cache miss per command (on this machine
 * 65,536 inbound and 262,144 outbound slots ran at a third of the speed of 4,096/16,384).
 *
 * @param ringSize          inbound ring slots, a power of two
 * @param waitStrategy      how the business-logic thread waits for commands
 * @param outboundRingSize  outbound ring slots, a power of two; a full outbound ring
 *                          makes the business logic wait, so size it for bursts
 * @param outboundWait      how the outbound thread waits for events
 * @param maxBatchSize      most commands journaled and decided as one batch
 * @param clockTickMillis   period of the journaled {@code CLOCK_TICK}; 0 for none
 * @param snapshotIntervalMillis period of the journaled {@code SNAPSHOT}; 0 for none
 * @param outputJournalThread    whether the output journal has a thread of its own or
 *                               follows the edges on the outbound thread (the default here)
 */
public record PipelineConfig(int ringSize, WaitStrategyKind waitStrategy, int outboundRingSize,
                             WaitStrategyKind outboundWait, int maxBatchSize, long clockTickMillis,
                             long snapshotIntervalMillis, OutputJournalThread outputJournalThread) {

    public static final PipelineConfig DEFAULTS = new PipelineConfig(1 << 12, WaitStrategyKind.BLOCKING, 1 << 14,
            WaitStrategyKind.BLOCKING, 256, 100, 600_000, OutputJournalThread.FOLLOWING);

    public PipelineConfig {
        if (Integer.bitCount(ringSize) != 1 || Integer.bitCount(outboundRingSize) != 1) {
            throw new IllegalArgumentException("ring sizes must be powers of two: " + ringSize + ", " + outboundRingSize);
        }
        if (outputJournalThread == null) {
            throw new IllegalArgumentException("the output journal's thread must be chosen");
        }
        if (maxBatchSize < 1 || clockTickMillis < 0 || snapshotIntervalMillis < 0) {
            throw new IllegalArgumentException("maxBatchSize must be positive and the timer periods not negative");
        }
    }

    public PipelineConfig withWaitStrategy(WaitStrategyKind kind) {
        return new PipelineConfig(ringSize, kind, outboundRingSize, outboundWait, maxBatchSize, clockTickMillis, snapshotIntervalMillis, outputJournalThread);
    }

    public PipelineConfig withOutboundWait(WaitStrategyKind kind) {
        return new PipelineConfig(ringSize, waitStrategy, outboundRingSize, kind, maxBatchSize, clockTickMillis, snapshotIntervalMillis, outputJournalThread);
    }

    public PipelineConfig withClockTickMillis(long millis) {
        return new PipelineConfig(ringSize, waitStrategy, outboundRingSize, outboundWait, maxBatchSize, millis, snapshotIntervalMillis, outputJournalThread);
    }

    public PipelineConfig withSnapshotIntervalMillis(long millis) {
        return new PipelineConfig(ringSize, waitStrategy, outboundRingSize, outboundWait, maxBatchSize, clockTickMillis, millis, outputJournalThread);
    }

    public PipelineConfig withOutputJournalThread(OutputJournalThread thread) {
        return new PipelineConfig(ringSize, waitStrategy, outboundRingSize, outboundWait, maxBatchSize, clockTickMillis, snapshotIntervalMillis,
                thread);
    }
}
