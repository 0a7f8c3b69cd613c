package io.ringbook.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Times out the engine's answers to HTTP requests. Every answer waits the same time, so
 * deadlines arrive in the order requests were made: a lock-free queue in that order and
 * one thread that fails, every {@value #SWEEP_MILLIS} ms, those whose deadline has passed
 * (with a {@link TimeoutException}, as {@code orTimeout} would) replace a task per request
 * in {@code CompletableFuture}'s shared, locked delay queue, which request threads would
 * otherwise contend on at every order. A deadline may be met up to one sweep late.
 */
final class AnswerDeadlines {

    private static final long SWEEP_MILLIS = 10;

    private final long timeoutNanos;
    private final ConcurrentLinkedQueue<Deadline> queue = new ConcurrentLinkedQueue<>();

    private record Deadline(long atNanos, CompletableFuture<?> answer) {
    }

    AnswerDeadlines(long timeoutMillis) {
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ringbook-http-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** {@code answer}, failed with a {@link TimeoutException} if it has not completed within the timeout. */
    <T> CompletableFuture<T> within(CompletableFuture<T> answer) {
        if (!answer.isDone()) {
            queue.offer(new Deadline(System.nanoTime() + timeoutNanos, answer));
        }
        return answer;
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Deadline head = queue.peek(); head != null && (head.answer.isDone() || head.atNanos - now <= 0); head = queue.peek()) {
            queue.poll();
            if (!head.answer.isDone()) {
                // only for an answer still open: an exception's stack trace per answered request was most of this thread's garbage
                head.answer.completeExceptionally(new TimeoutException());
            }
        }
    }
}
