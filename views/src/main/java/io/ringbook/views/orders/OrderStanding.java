package io.ringbook.views.orders;

import io.ringbook.engine.domain.Side;

/**
 * What an order stands at on its book, as {@link OrderViews} knows it: told just before an
 * event changes the order ({@link OrderViews#priorState}), and for each open order on
 * request ({@link OrderViews#forEachOpen}). A reader that keeps only totals (the depth
 * book) takes an order's old part away before it adds the new one, without a copy of
 * every order of its own.
 */
@FunctionalInterface
public interface OrderStanding {

    /** {@code leaves} is what the order has open at {@code price}; 0 for an order new, or no longer open ({@code side} then unused). */
    void stands(long orderId, int symbolId, Side side, long price, long leaves);
}
