package io.ringbook.gateway.rest;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.pipeline.CommandPublisher;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A market that keeps changing TEST's book while a test runs: T3 places bids over 200
 * prices at a steady rate straight through the engine's door, and mass-cancels them every
 * 200 orders. Counts the commands the ring refused (it never should).
 */
final class BookFlow implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong refused = new AtomicLong();
    private final Thread thread;

    BookFlow(CommandPublisher engine, int ordersPerSecond) {
        long periodNanos = 1_000_000_000L / ordersPerSecond;
        thread = new Thread(() -> {
            long start = System.nanoTime();
            for (long i = 0; running.get(); i++) {
                long price = 1 + i % 200;
                if (!engine.tryPublish(c -> c.newOrder(2, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, 1))) {
                    refused.incrementAndGet();
                }
                if (i % 200 == 199 && !engine.tryPublish(c -> c.massCancel(2, 2))) {
                    refused.incrementAndGet();
                }
                LockSupport.parkNanos(start + (i + 1) * periodNanos - System.nanoTime());
            }
        }, "book-flow");
        thread.start();
    }

    long refused() {
        return refused.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}
