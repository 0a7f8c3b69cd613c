package io.ringbook.app;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.limits.SymbolRisk;
import io.ringbook.engine.pipeline.CommandPublisher;

/**
 * The commands of the warm-up's scratch session ({@link WarmUp}): every account in turn,
 * each step of a fixed round of sixteen on one symbol, then the next symbol. A round
 * rests GTC orders on both sides of the symbol's mid price (its reference price, or
 * {@value #MID_WITHOUT_REFERENCE} ticks), amends them by OrigClOrdID to prices that cross
 * or only lower their quantity, crosses the book with IOC, market and FOK orders, cancels
 * by OrigClOrdID, sends post-only and DAY orders and a clock tick; every fourth round
 * ends with a mass cancel, so open orders stay few. Every order has a clOrdId of its own,
 * as clients send them. So the code a trading day runs (resting, matching, fills,
 * amends, cancels, the clOrdId index, the refusals of post-only and FOK orders) runs
 * here first. No randomness: the same profile gives the same session.
 */
final class WarmUpFlow implements CommandPublisher.CommandWriter {

    static final long MID_WITHOUT_REFERENCE = 10_000;
    private static final int ROUND = 16;
    /** The clOrdIds of an account's orders that rest (or did: a cancel of one already gone is a reject, which is fine). */
    private static final int RECENT = 8;

    private final int accounts;
    private final int symbols;
    private final long[] mids;
    private final String[][] recent;
    private final int[] recentCount;
    private long step;
    private long ids;

    WarmUpFlow(ReferenceData data) {
        accounts = data.accounts().size();
        symbols = data.symbols().all().size();
        mids = mids(data);
        recent = new String[accounts][RECENT];
        recentCount = new int[accounts];
    }

    /** Each symbol's mid price for the session, in ticks: its reference price, or {@value #MID_WITHOUT_REFERENCE}. */
    static long[] mids(ReferenceData data) {
        long[] mids = new long[data.symbols().all().size()];
        for (int symbol = 0; symbol < mids.length; symbol++) {
            SymbolRisk risk = symbol < data.risk().symbols().size() ? data.risk().symbols().get(symbol) : null;
            mids[symbol] = risk != null && risk.referencePrice() > 0 ? risk.referencePrice() : MID_WITHOUT_REFERENCE;
        }
        return mids;
    }

    @Override
    public void write(Command c) {
        long n = step++;
        int account = (int) (n % accounts);
        long round = n / accounts / ROUND;
        int kind = (int) (n / accounts % ROUND);
        int symbol = (int) (round % symbols);
        long mid = mids[symbol];
        switch (kind) {
            case 0, 1, 2, 3, 4, 5 -> rest(c, account, symbol, kind % 2 == 0 ? Side.BUY : Side.SELL,
                    kind % 2 == 0 ? mid - 1 - kind / 2 : mid + 1 + kind / 2);
            case 6 -> replace(c, account, round % 2 == 0 ? mid + 4 : mid - 4, 0);
            case 7 -> replace(c, account, 0, 2);
            case 8 -> order(c, account, symbol, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, mid + 3, 4);
            case 9 -> order(c, account, symbol, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, 3);
            case 10 -> order(c, account, symbol, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, mid + 1, 50);
            case 11 -> cancel(c, account);
            case 12 -> {
                order(c, account, symbol, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, mid + 1, 2);
                c.postOnly = true;
            }
            case 13 -> order(c, account, symbol, Side.BUY, OrderType.LIMIT, TimeInForce.DAY, mid - 2, 2);
            case 14 -> order(c, account, symbol, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, mid - 3, 4);
            default -> {
                if (round % 4 == 3) {
                    c.massCancel(account, symbol);
                    recentCount[account] = 0;
                } else {
                    c.clockTick();
                }
            }
        }
    }

    private void rest(Command c, int account, int symbol, Side side, long price) {
        order(c, account, symbol, side, OrderType.LIMIT, TimeInForce.GTC, price, 5);
        remember(account, c.clOrdId.toString());
    }

    private void order(Command c, int account, int symbol, Side side, OrderType type, TimeInForce tif, long price, long lots) {
        c.newOrder(account, symbol, side, type, tif, price, lots);
        c.clOrdId.set(nextId());
    }

    /** Amends the account's latest resting order by its clOrdId (price or quantity; 0 keeps it) and gives it a new one. */
    private void replace(Command c, int account, long price, long lots) {
        String target = latest(account);
        if (target == null) {
            c.clockTick();
            return;
        }
        c.amend(account, 0, price, lots);
        c.origClOrdId.set(target);
        c.clOrdId.set(nextId());
        recent[account][(recentCount[account] - 1) % RECENT] = c.clOrdId.toString();
    }

    private void cancel(Command c, int account) {
        String target = latest(account);
        if (target == null) {
            c.clockTick();
            return;
        }
        c.cancel(account, 0);
        c.origClOrdId.set(target);
        c.clOrdId.set(nextId());
        recentCount[account]--;
    }

    private String latest(int account) {
        return recentCount[account] == 0 ? null : recent[account][(recentCount[account] - 1) % RECENT];
    }

    private void remember(int account, String clOrdId) {
        recent[account][recentCount[account] % RECENT] = clOrdId;
        recentCount[account]++;
    }

    private String nextId() {
        return "warm-up-" + ++ids;
    }
}
