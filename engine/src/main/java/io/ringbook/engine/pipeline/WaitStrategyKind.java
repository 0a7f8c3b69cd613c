package io.ringbook.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How a consumer thread waits for work. BUSY_SPIN and YIELDING hold a core each (the
 * lowest latency, but on a 2-core machine one spinner is all there is room for);
 * SLEEPING spins, then yields, then parks, costing tens of microseconds on wake-up but
 * almost no CPU when idle; PARKING parks at once for {@value #PARK_NANOS} ns, then, while
 * nothing comes, twice as long each time up to {@value #PARK_MAX_NANOS} ns
 * ({@link ParkingWaitStrategy}), so a consumer that can afford that delay (the outbound
 * side on a 2-core machine) takes whole batches, wakes rarely when it is ahead, and
 * leaves the core to the business logic; PHASED spins for
 * {@value #PHASED_SPIN_MICROS} us and yields for {@value #PHASED_YIELD_MICROS} us after
 * each batch before it blocks, so a busy stream never sleeps and an idle engine holds no
 * core; BLOCKING waits on a lock and
 * condition, which costs every publisher a lock and often a wake-up system call;
 * LITE_BLOCKING and PHASED_LITE are BLOCKING and PHASED whose publishers take the lock
 * only when a consumer is actually asleep.
 */
public enum WaitStrategyKind {
    BUSY_SPIN,
    YIELDING,
    SLEEPING,
    PARKING,
    PHASED,
    PHASED_LITE,
    BLOCKING,
    LITE_BLOCKING;

    static final long PARK_NANOS = 50_000;
    static final long PARK_MAX_NANOS = 400_000;
    static final long PHASED_SPIN_MICROS = 10;
    static final long PHASED_YIELD_MICROS = 50;

    /** Parses a kind's name in lower case with dashes: {@code busy-spin}, {@code lite-blocking}, {@code phased-lite}, ... */
    public static WaitStrategyKind parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public WaitStrategy create() {
        return switch (this) {
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case PARKING -> new ParkingWaitStrategy(PARK_NANOS, PARK_MAX_NANOS);
            case PHASED -> PhasedBackoffWaitStrategy.withLock(PHASED_SPIN_MICROS, PHASED_YIELD_MICROS, TimeUnit.MICROSECONDS);
            case PHASED_LITE -> PhasedBackoffWaitStrategy.withLiteLock(PHASED_SPIN_MICROS, PHASED_YIELD_MICROS, TimeUnit.MICROSECONDS);
            case BLOCKING -> new BlockingWaitStrategy();
            case LITE_BLOCKING -> new LiteBlockingWaitStrategy();
        };
    }
}
