package io.ringbook.engine.pipeline;

/**
 * The pipeline's knobs. The defaults suit a 2-core machine: the business-logic thread
 * sleeps when idle instead of holding a core, and the outbound thread blocks.
 *
 * @param ringSize          inbound ring slots, a power of two
 * @param waitStrategy      how the business-logic thread waits for commands
 * @param outboundRingSize  outbound ring slots, a power of two; a full outbound ring
 *                          makes the business logic wait, so size it for bursts
 * @param outboundWait      how the outbound thread waits for events
 * @param maxBatchSize      most commands journaled and decided as one batch
 * @param clockTickMillis   period of the journaled {@code CLOCK_TICK}; 0 for none
 */
public record PipelineConfig(int ringSize, WaitStrategyKind waitStrategy, int outboundRingSize,
                             WaitStrategyKind outboundWait, int maxBatchSize, long clockTickMillis) {

    public static final PipelineConfig DEFAULTS =
            new PipelineConfig(1 << 16, WaitStrategyKind.SLEEPING, 1 << 18, WaitStrategyKind.BLOCKING, 256, 100);

    public PipelineConfig {
        if (Integer.bitCount(ringSize) != 1 || Integer.bitCount(outboundRingSize) != 1) {
            throw new IllegalArgumentException("ring sizes must be powers of two: " + ringSize + ", " + outboundRingSize);
        }
        if (maxBatchSize < 1 || clockTickMillis < 0) {
            throw new IllegalArgumentException("maxBatchSize must be positive and clockTickMillis not negative");
        }
    }

    public PipelineConfig withWaitStrategy(WaitStrategyKind kind) {
        return new PipelineConfig(ringSize, kind, outboundRingSize, outboundWait, maxBatchSize, clockTickMillis);
    }

    public PipelineConfig withClockTickMillis(long millis) {
        return new PipelineConfig(ringSize, waitStrategy, outboundRingSize, outboundWait, maxBatchSize, millis);
    }
}
