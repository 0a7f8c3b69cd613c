package io.ringbook.views;

import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.views.marketdata.DepthBook;
import io.ringbook.views.marketdata.TradesView;
import io.ringbook.views.orders.OrderViews;
import io.ringbook.views.positions.PositionsView;

import java.util.List;

/**
 * The read models both HTTP APIs read, kept once per process on the outbound thread:
 * orders, positions, depth, trades. One set, so that each order and position is held
 * once, and so that their state can be written beside the engine's snapshot and read
 * back at start ({@link ViewsSnapshots}).
 */
public final class ReadModels {

    private final OrderViews orders;
    private final PositionsView positions;
    private final DepthBook depth;
    private final TradesView trades;

    /** @param clock the wall clock the trades' 24-hour volume moves with */
    public ReadModels(int accounts, int symbols, EpochClock clock) {
        this.orders = new OrderViews();
        this.positions = new PositionsView(accounts, symbols);
        this.depth = new DepthBook(symbols);
        orders.priorState(depth::before);
        this.trades = new TradesView(symbols, clock);
    }

    public OrderViews orders() {
        return orders;
    }

    public PositionsView positions() {
        return positions;
    }

    public DepthBook depth() {
        return depth;
    }

    public TradesView trades() {
        return trades;
    }

    /** The models as outbound listeners, in the order they are registered. */
    public List<EngineListener> listeners() {
        return List.of(orders, positions, depth, trades);
    }

    /**
     * Every model's state as of now, taken on the outbound thread (their only writer) and
     * written by the returned writer on any thread: the orders, which grow with open
     * orders, are copied flat ({@link OrderViews#captureState}); positions, depth and
     * trades, bounded by accounts, symbols and price levels, are encoded at once.
     */
    public DeferredState captureState() {
        DeferredState orderState = orders.captureState();
        StateBuffer small = new StateBuffer(1 << 12);
        positions.writeState(small);
        depth.writeState(small);
        trades.writeState(small);
        return out -> {
            orderState.writeTo(out);
            out.putBytes(small.array(), 0, small.length());
        };
    }

    /** Every model's state, written at once on the outbound thread (their only writer). */
    public void writeState(StateBuffer out) {
        captureState().writeTo(out);
    }

    /**
     * Reads what {@link #writeState} wrote into these empty models, before any event; the
     * depth book's levels are counted again from the open orders read back.
     *
     * @param version the {@link ViewsSnapshots} format the state was written in
     */
    public void readState(StateBuffer in, int version) {
        orders.readState(in);
        positions.readState(in);
        depth.readState(in, version == ViewsSnapshots.WITH_DEPTH_LEVELS);
        trades.readState(in);
        orders.forEachOpen(depth::restoreResting);
    }
}
