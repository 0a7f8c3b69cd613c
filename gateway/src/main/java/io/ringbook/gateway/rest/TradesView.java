package io.ringbook.gateway.rest;

import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Public trades per symbol, kept on the outbound thread from the taker's side of each
 * fill (one per trade): the most recent {@value #KEPT} for {@code /trades}, and the
 * volume of the last 24 hours of event time for {@code /ticker}.
 */
final class TradesView implements EngineListener {

    static final int KEPT = 1000;
    private static final long DAY_NANOS = 86_400_000_000_000L;

    /** A public trade: no accounts, no order ids. */
    record Trade(long tradeId, long price, long qty, Side takerSide, long timeNanos) {
    }

    private final PerSymbol[] symbols;

    TradesView(int symbolCount) {
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
            Trade trade = new Trade(event.tradeId, event.lastPrice, event.lastQty, event.side, event.eventTimeNanos);
            symbol.recent.addFirst(trade);
            if (symbol.recent.size() > KEPT) {
                symbol.recent.removeLast();
            }
            symbol.lastDay.addLast(trade);
            symbol.volume += trade.qty();
            while (symbol.lastDay.peekFirst().timeNanos() <= trade.timeNanos() - DAY_NANOS) {
                symbol.volume -= symbol.lastDay.removeFirst().qty();
            }
        }
    }

    /** The symbol's most recent trades, newest first, at most {@code limit}. */
    List<Trade> recent(int symbolId, int limit) {
        PerSymbol symbol = symbols[symbolId];
        synchronized (symbol) {
            List<Trade> trades = new ArrayList<>(Math.min(limit, symbol.recent.size()));
            for (Iterator<Trade> it = symbol.recent.iterator(); it.hasNext() && trades.size() < limit; ) {
                trades.add(it.next());
            }
            return trades;
        }
    }

    /** Lots traded in the 24 hours before the symbol's last trade. */
    long volume24h(int symbolId) {
        PerSymbol symbol = symbols[symbolId];
        synchronized (symbol) {
            return symbol.volume;
        }
    }

    private static final class PerSymbol {
        private final ArrayDeque<Trade> recent = new ArrayDeque<>();
        private final ArrayDeque<Trade> lastDay = new ArrayDeque<>();
        private long volume;
    }
}
