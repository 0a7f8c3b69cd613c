package io.ringbook.perf;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;

import java.util.SplittableRandom;

/**
 * The amend-heavy flow of a quoting client, generated from a seed and endless: 82% price
 * amends by origClOrdId, 10% GTC limit orders, 3% IOC orders, 5% cancels by origClOrdId,
 * with about {@value #RESTING} orders resting around a random-walk mid (each amend
 * moves its order to a new price near the current mid), spread over all
 * accounts, on one symbol; every row's clOrdId is {@code c<row>}. The first
 * {@value #RESTING} rows place the resting orders. A GTC arriving while every place is
 * taken crosses the spread for one lot (a taker); IOCs take one lot. Allocates nothing.
 */
final class AmendHeavyFlow implements CommandFlow {

    static final int RESTING = 1_000;
    private static final long START_MID = 100_000;
    private static final long RESTING_LOTS = 10_000;
    /**
     * The mid moves a tick one row in this many, and quotes stay {@value #SPREAD} to
     * {@value #SPREAD} + 9 ticks from it: a resting order is amended about every 1,200
     * rows, in which the mid moves a few ticks, so quotes rarely cross each other and
     * the amends find their orders (the takers' one-lot orders cross on purpose).
     */
    private static final int MID_STEP_ONE_IN = 100;
    private static final long SPREAD = 5;

    private final SplittableRandom random;
    private final int accounts;
    private final int symbolId;
    private final Command command = new Command();
    private final int[] account = new int[RESTING];
    private final boolean[] buy = new boolean[RESTING];
    private final long[] idRow = new long[RESTING];
    private final int[] free = new int[RESTING];
    private int freeCount;
    private long mid = START_MID;
    private long row;

    AmendHeavyFlow(long seed, int accounts, int symbolId) {
        this.random = new SplittableRandom(seed);
        this.accounts = accounts;
        this.symbolId = symbolId;
        for (int place = 0; place < RESTING; place++) {
            free[freeCount++] = RESTING - 1 - place;
        }
    }

    @Override
    public Command next() {
        row++;
        if (random.nextInt(MID_STEP_ONE_IN) == 0) {
            mid += random.nextBoolean() ? 1 : -1;
        }
        int roll = row <= RESTING ? 85 : random.nextInt(100);
        if (roll < 82) {
            amend(RESTING - freeCount > 0 ? taken(random.nextInt(RESTING)) : -1);
        } else if (roll < 92) {
            if (freeCount > 0) {
                rest(free[--freeCount]);
            } else {
                take(TimeInForce.GTC);
            }
        } else if (roll < 95) {
            take(TimeInForce.IOC);
        } else if (RESTING - freeCount > 0) {
            cancel(taken(random.nextInt(RESTING)));
        } else {
            take(TimeInForce.IOC);
        }
        ClOrdIdStyle.writeRow(row, command.clOrdId);
        return command;
    }

    /** The first taken place at or after {@code from} (cyclically); there is one. */
    private int taken(int from) {
        int place = from;
        while (isFree(place)) {
            place = (place + 1) % RESTING;
        }
        return place;
    }

    private boolean isFree(int place) {
        return idRow[place] == 0;
    }

    private void rest(int place) {
        account[place] = random.nextInt(accounts);
        buy[place] = random.nextBoolean();
        command.newOrder(account[place], symbolId, buy[place] ? Side.BUY : Side.SELL, OrderType.LIMIT, TimeInForce.GTC,
                passivePrice(buy[place]), RESTING_LOTS);
        idRow[place] = row;
    }

    private void amend(int place) {
        if (place < 0) {
            take(TimeInForce.IOC);
            return;
        }
        command.amend(account[place], 0, passivePrice(buy[place]), 0);
        ClOrdIdStyle.writeRow(idRow[place], command.origClOrdId);
        idRow[place] = row;
    }

    private void cancel(int place) {
        command.cancel(account[place], 0);
        ClOrdIdStyle.writeRow(idRow[place], command.origClOrdId);
        idRow[place] = 0;
        free[freeCount++] = place;
    }

    private void take(TimeInForce tif) {
        boolean buying = random.nextBoolean();
        command.newOrder(random.nextInt(accounts), symbolId, buying ? Side.BUY : Side.SELL, OrderType.LIMIT, tif,
                buying ? mid + 20 : mid - 20, 1);
    }

    private long passivePrice(boolean buying) {
        long away = SPREAD + random.nextInt(10);
        return buying ? mid - away : mid + away;
    }
}
