package io.ringbook.gateway.fix;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NewOrderSingles of FIX sessions between their publication and the engine's answer
 * (accepted or rejected: exactly one per order), per account and ClOrdID in the order
 * they were published, each marked whether it was a PossResend(97)=Y. A session's
 * commands are decided in the order it published them, so the answer for a ClOrdID
 * belongs to the oldest one in flight: that tells a PossResend refused as a duplicate
 * (answered with the order's status) from an original that is still on its way when its
 * PossResend arrives right behind it (the original's acceptance must not use up the
 * PossResend's mark).
 */
final class NewOrdersInFlight {

    private final ConcurrentHashMap<String, ArrayDeque<Boolean>> byClOrdId = new ConcurrentHashMap<>();

    /** A NewOrderSingle is about to be published; call before publishing it. */
    void sent(String key, boolean possResend) {
        byClOrdId.compute(key, (k, queue) -> {
            ArrayDeque<Boolean> inFlight = queue == null ? new ArrayDeque<>(2) : queue;
            inFlight.addLast(possResend);
            return inFlight;
        });
    }

    /** The NewOrderSingle last {@link #sent} for this key could not be published after all. */
    void unsent(String key) {
        byClOrdId.computeIfPresent(key, (k, queue) -> {
            queue.pollLast();
            return queue.isEmpty() ? null : queue;
        });
    }

    /** The engine answered the oldest NewOrderSingle in flight for this key: whether it was a PossResend. */
    boolean answered(String key) {
        boolean[] possResend = new boolean[1];
        byClOrdId.computeIfPresent(key, (k, queue) -> {
            possResend[0] = Boolean.TRUE.equals(queue.pollFirst());
            return queue.isEmpty() ? null : queue;
        });
        return possResend[0];
    }
}
