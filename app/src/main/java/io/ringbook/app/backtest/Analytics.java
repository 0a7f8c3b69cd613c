package io.ringbook.app.backtest;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.limits.BreakerState;
import io.ringbook.engine.position.PositionBook;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Trade analytics of one run, built from its events: per account (and overall) orders,
 * fills and the fill ratio of each symbol (lots filled over lots ordered, never added
 * across symbols whose lots differ), rejects by reason, an equity curve (realized PnL less
 * fees plus mark-to-market, in common notional units), the outcome of every fill that
 * realized PnL (a closed round trip, or part of one), max drawdown, and the PnL of each
 * UTC day; plus breaker trips by breaker name ({@code volatility:TEST}) and halts. Every
 * account holding a symbol is marked at that symbol's last trade, whoever traded, as the
 * engine marks positions. The same listener reads a backtest and the recorded run, so the
 * two compare like for like.
 */
final class Analytics implements EngineListener {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final ReferenceData data;
    private final SymbolTable symbols;
    private final PositionBook positions;
    private final Account[] accounts;
    private final Account overall;
    private final TreeMap<String, Integer> breakerTrips = new TreeMap<>();
    private int halts;
    private long events;

    Analytics(ReferenceData data) {
        this.data = data;
        this.symbols = data.symbols();
        int accountCount = data.accounts().size();
        this.positions = new PositionBook(accountCount, symbols.size());
        this.accounts = new Account[accountCount];
        for (int i = 0; i < accountCount; i++) {
            accounts[i] = new Account(symbols.size());
        }
        this.overall = new Account(symbols.size());
    }

    @Override
    public void onEvent(EngineEvent e) {
        events++;
        switch (e.type) {
            case ORDER_ACCEPTED -> order(e.accountId, e.symbolId, e.qty);
            case ORDER_REJECTED -> {
                if (e.rejectReason != RejectReason.DUPLICATE_CLORDID && e.accountId >= 0 && e.accountId < accounts.length) {
                    accounts[e.accountId].rejected(e.rejectReason);
                    overall.rejected(e.rejectReason);
                }
            }
            case ORDER_FILLED -> fill(e);
            case BREAKER_CHANGED -> {
                if (e.breakerState == BreakerState.OPEN) {
                    breakerTrips.merge(e.breakerKind.prefix() + ":" + (e.breakerKind.perAccount()
                            ? data.accounts().name(e.accountId) : symbols.get(e.symbolId).name()), 1, Integer::sum);
                }
            }
            case SYMBOL_STATUS -> halts += e.active ? 1 : 0;
            default -> {
            }
        }
    }

    Account account(int id) {
        return accounts[id];
    }

    Account overall() {
        return overall;
    }

    TreeMap<String, Integer> breakerTrips() {
        return breakerTrips;
    }

    int halts() {
        return halts;
    }

    long events() {
        return events;
    }

    private void order(int account, int symbol, long lots) {
        accounts[account].ordered(symbol, lots);
        overall.ordered(symbol, lots);
    }

    /**
     * Applies the fill, marks the symbol at its price, and moves the equity of the filling
     * account and of every other account holding the symbol (their mark changed too).
     */
    private void fill(EngineEvent e) {
        long before = realizedNet(e.accountId);
        positions.applyFill(e.accountId, e.symbolId, e.side.sign() * e.lastQty, e.lastPrice, e.fee);
        positions.mark(e.symbolId, e.lastPrice);
        long realized = realizedNet(e.accountId) - before;
        accounts[e.accountId].filled(e.symbolId, e.lastQty, realized);
        overall.filled(e.symbolId, e.lastQty, realized);
        long total = 0;
        for (int a = 0; a < accounts.length; a++) {
            if (a == e.accountId || positions.qty(a, e.symbolId) != 0) {
                accounts[a].valued(e.eventTimeNanos, equity(a));
            }
            total += accounts[a].equity;
        }
        overall.valued(e.eventTimeNanos, total);
    }

    /** Realized PnL (before fees) across symbols, in common notional units. */
    private long realizedNet(int account) {
        long sum = 0;
        for (int s = 0; s < symbols.size(); s++) {
            sum += positions.realizedPnl(account, s) * symbols.notionalMultiplier(s);
        }
        return sum;
    }

    private long equity(int account) {
        long sum = 0;
        for (int s = 0; s < symbols.size(); s++) {
            sum += (positions.realizedPnl(account, s) - positions.fees(account, s) + positions.unrealizedPnl(account, s))
                    * symbols.notionalMultiplier(s);
        }
        return sum;
    }

    /** One account's (or the overall) figures, in common notional units. */
    static final class Account {
        long orders;
        final long[] orderedLots;
        long fills;
        final long[] filledLots;
        final TreeMap<String, Long> rejects = new TreeMap<>();
        final List<long[]> curve = new ArrayList<>();
        final TreeMap<Long, Long> dayEnd = new TreeMap<>();
        long wins;
        long losses;
        long sumWins;
        long sumLosses;
        long peak;
        long maxDrawdown;
        long equity;

        Account(int symbols) {
            orderedLots = new long[symbols];
            filledLots = new long[symbols];
        }

        void ordered(int symbol, long lots) {
            orders++;
            orderedLots[symbol] += lots;
        }

        void rejected(RejectReason reason) {
            orders++;
            rejects.merge(reason.name(), 1L, Long::sum);
        }

        void filled(int symbol, long lots, long realized) {
            fills++;
            filledLots[symbol] += lots;
            if (realized > 0) {
                wins++;
                sumWins += realized;
            } else if (realized < 0) {
                losses++;
                sumLosses += -realized;
            }
        }

        /** The account's equity after a trade: a point of its curve, its drawdown, its day's close. */
        void valued(long time, long equityNow) {
            equity = equityNow;
            curve.add(new long[] {time, equityNow});
            dayEnd.put(Math.floorDiv(time, NANOS_PER_DAY), equityNow);
            peak = Math.max(peak, equityNow);
            maxDrawdown = Math.max(maxDrawdown, peak - equityNow);
        }

        /** Lots filled over lots accepted in one symbol; NaN if none were ordered. */
        double fillRatio(int symbol) {
            return orderedLots[symbol] == 0 ? Double.NaN : (double) filledLots[symbol] / orderedLots[symbol];
        }

        /** Share of realizing fills that made money; NaN before any. */
        double winRate() {
            return wins + losses == 0 ? Double.NaN : (double) wins / (wins + losses);
        }

        /** Gross profit over gross loss; infinite without losses, NaN without either. */
        double profitFactor() {
            return sumLosses == 0 ? (sumWins == 0 ? Double.NaN : Double.POSITIVE_INFINITY) : (double) sumWins / sumLosses;
        }

        double averageWin() {
            return wins == 0 ? Double.NaN : (double) sumWins / wins;
        }

        double averageLoss() {
            return losses == 0 ? Double.NaN : (double) sumLosses / losses;
        }

        /** Each UTC day's PnL: its closing equity less the previous day's (the first day's less zero). */
        List<Long> dailyPnl() {
            List<Long> daily = new ArrayList<>();
            long previous = 0;
            for (long close : dayEnd.values()) {
                daily.add(close - previous);
                previous = close;
            }
            return daily;
        }

        /** Mean daily PnL over its sample standard deviation; NaN for fewer than two days or no variation. */
        double sharpe() {
            List<Long> daily = dailyPnl();
            if (daily.size() < 2) {
                return Double.NaN;
            }
            double mean = daily.stream().mapToLong(Long::longValue).average().orElse(0);
            double variance = daily.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (daily.size() - 1);
            return variance == 0 ? Double.NaN : mean / Math.sqrt(variance);
        }
    }
}
