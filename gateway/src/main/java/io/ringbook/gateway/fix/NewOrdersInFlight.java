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
 * PossResend's mark). Each account's count in flight is kept in the {@link InboundWindow},
 * which holds back a session's reading while too many are unanswered.
 */
final class NewOrdersInFlight {

    private final ConcurrentHashMap<String, ArrayDeque<Boolean>> byClOrdId = new ConcurrentHashMap<>();
    private final InboundWindow window;

    NewOrdersInFlight(InboundWindow window) {
        this.window = window;
    }

    /** A NewOrderSingle is about to be published; call before publishing it. */
    void sent(int account, String clOrdId, boolean possResend) {
        window.sent(account);
        byClOrdId.compute(key(account, clOrdId), (k, queue) -> {
            ArrayDeque<Boolean> inFlight = queue == null ? new ArrayDeque<>(2) : queue;
            inFlight.addLast(possResend);
            return inFlight;
        });
    }

    /** The NewOrderSingle last {@link #sent} for this ClOrdID could not be published after all. */
    void unsent(int account, String clOrdId) {
        take(account, clOrdId, false);
    }

    /** The engine answered the oldest NewOrderSingle in flight for this ClOrdID: whether it was a PossResend. */
    boolean answered(int account, String clOrdId) {
        return take(account, clOrdId, true);
    }

    private boolean take(int account, String clOrdId, boolean oldest) {
        boolean[] taken = new boolean[2];
        byClOrdId.computeIfPresent(key(account, clOrdId), (k, queue) -> {
            taken[0] = true;
            taken[1] = Boolean.TRUE.equals(oldest ? queue.pollFirst() : queue.pollLast());
            return queue.isEmpty() ? null : queue;
        });
        if (taken[0]) {
            window.answered(account);
        }
        return taken[1];
    }

    private static String key(int account, String clOrdId) {
        return account + ":" + clOrdId;
    }
}
