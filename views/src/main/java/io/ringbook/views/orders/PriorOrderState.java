package io.ringbook.views.orders;

import io.ringbook.engine.domain.Side;

/**
 * Told by {@link OrderViews}, on the outbound thread, what an order stood at just before
 * an event changes it: what a reader that keeps only totals (the depth book) must take
 * away before it adds the order's new state, without a copy of every order of its own.
 */
@FunctionalInterface
public interface PriorOrderState {

    /** {@code leaves} is what the order had open at {@code price}; 0 for an order new, or no longer open ({@code side} then unused). */
    void before(long orderId, int symbolId, Side side, long price, long leaves);
}
