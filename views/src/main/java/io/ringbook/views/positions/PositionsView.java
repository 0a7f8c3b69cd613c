package io.ringbook.views.positions;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.position.PositionBook;
import io.ringbook.engine.state.StateBuffer;

/**
 * Positions as the HTTP APIs show them, kept on the outbound thread by applying every
 * fill to a {@link PositionBook} of its own: the same arithmetic as the engine's, read
 * by HTTP threads under this object's lock, never touching the business logic's state.
 */
public final class PositionsView implements EngineListener {

    private final PositionBook positions;

    public PositionsView(int accounts, int symbols) {
        this.positions = new PositionBook(accounts, symbols);
    }

    @Override
    public synchronized void onEvent(EngineEvent event) {
        if (event.type != EventType.ORDER_FILLED) {
            return;
        }
        positions.applyFill(event.accountId, event.symbolId, event.side.sign() * event.lastQty, event.lastPrice, event.fee);
        positions.mark(event.symbolId, event.lastPrice);
    }

    /** Every position, for a read-model snapshot. */
    public synchronized void writeState(StateBuffer out) {
        positions.writeTo(out);
    }

    /** Reads what {@link #writeState} wrote (at start, before any event). */
    public synchronized void readState(StateBuffer in) {
        positions.readFrom(in);
    }

    /** One account's position in one symbol: {qty, costBasis, realizedPnl, unrealizedPnl, fees, markPrice}. */
    public synchronized long[] position(int account, int symbol) {
        return new long[] {positions.qty(account, symbol), positions.costBasis(account, symbol),
            positions.realizedPnl(account, symbol), positions.unrealizedPnl(account, symbol),
            positions.fees(account, symbol), positions.markPrice(symbol)};
    }
}
