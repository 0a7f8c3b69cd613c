package io.ringbook.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.Locale;

/**
 * How a consumer thread waits for work. BUSY_SPIN and YIELDING hold a core each (the
 * lowest latency, but on a 2-core machine one spinner is all there is room for);
 * SLEEPING spins briefly then parks, costing tens of microseconds on wake-up but almost
 * no CPU when idle; BLOCKING waits on a lock and condition.
 */
public enum WaitStrategyKind {
    BUSY_SPIN,
    YIELDING,
    SLEEPING,
    BLOCKING;

    /** Parses {@code busy-spin}, {@code yielding}, {@code sleeping} or {@code blocking}. */
    public static WaitStrategyKind parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public WaitStrategy create() {
        return switch (this) {
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case BLOCKING -> new BlockingWaitStrategy();
        };
    }
}
