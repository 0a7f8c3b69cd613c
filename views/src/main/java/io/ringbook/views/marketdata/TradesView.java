package io.ringbook.views.marketdata;

import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.engine.state.StateBuffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Public trades per symbol, kept on the outbound thread from the taker's side of each
 * fill (one per trade): the most recent {@value #KEPT} for {@code /trades}, and the
 * volume of the last 24 hours for {@code /ticker}, in minute buckets ({@link
 * RollingVolume}) so that memory does not grow with the day's trades; the window moves
 * with the wall clock, so the volume lapses when trading stops.
 */
public final class TradesView implements EngineListener {

    public static final int KEPT = 1000;
    private static final Side[] SIDES = Side.values();

    /** A public trade: no accounts, no order ids. */
    public record Trade(long tradeId, long price, long qty, Side takerSide, long timeNanos) {
    }

    private final PerSymbol[] symbols;
    private final EpochClock clock;

    /** @param clock the wall clock: the 24-hour volume is that of the day up to its current minute */
    public TradesView(int symbolCount, EpochClock clock) {
        this.clock = clock;
        symbols = new PerSymbol[symbolCount];
        for (int i = 0; i < symbolCount; i++) {
            symbols[i] = new PerSymbol();
        }
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (event.type != EventType.ORDER_FILLED || event.liquidity != Liquidity.TAKER) {
            return;
        }
        PerSymbol symbol = symbols[event.symbolId];
        synchronized (symbol) {
            symbol.recent.addFirst(new Trade(event.tradeId, event.lastPrice, event.lastQty, event.side, event.eventTimeNanos));
            if (symbol.recent.size() > KEPT) {
                symbol.recent.removeLast();
            }
            symbol.volume.add(event.eventTimeNanos, event.lastQty);
        }
    }

    /** The symbol's most recent trades, newest first, at most {@code limit}. */
    public List<Trade> recent(int symbolId, int limit) {
        PerSymbol symbol = symbols[symbolId];
        synchronized (symbol) {
            List<Trade> trades = new ArrayList<>(Math.min(limit, symbol.recent.size()));
            for (Iterator<Trade> it = symbol.recent.iterator(); it.hasNext() && trades.size() < limit; ) {
                trades.add(it.next());
            }
            return trades;
        }
    }

    /** Lots traded in the 1,440 whole UTC minutes up to and including the current minute of the clock. */
    public long volume24h(int symbolId) {
        PerSymbol symbol = symbols[symbolId];
        synchronized (symbol) {
            return symbol.volume.total(clock.epochNanos());
        }
    }

    /** Every symbol's recent trades and volume buckets, for a read-model snapshot. */
    public void writeState(StateBuffer out) {
        for (PerSymbol symbol : symbols) {
            synchronized (symbol) {
                out.putInt(symbol.recent.size());
                for (Trade trade : symbol.recent) {
                    out.putLong(trade.tradeId());
                    out.putLong(trade.price());
                    out.putLong(trade.qty());
                    out.putEnum(trade.takerSide());
                    out.putLong(trade.timeNanos());
                }
                symbol.volume.writeTo(out);
            }
        }
    }

    /** Reads what {@link #writeState} wrote into this empty view (at start, before any event). */
    public void readState(StateBuffer in) {
        for (PerSymbol symbol : symbols) {
            synchronized (symbol) {
                for (int i = in.getInt(); i > 0; i--) {
                    symbol.recent.addLast(new Trade(in.getLong(), in.getLong(), in.getLong(), in.getEnum(SIDES), in.getLong()));
                }
                symbol.volume.readFrom(in);
            }
        }
    }

    private static final class PerSymbol {
        private final ArrayDeque<Trade> recent = new ArrayDeque<>();
        private final RollingVolume volume = new RollingVolume();
    }
}
