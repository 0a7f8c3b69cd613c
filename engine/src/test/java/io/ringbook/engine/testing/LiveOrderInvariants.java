package io.ringbook.engine.testing;

import io.ringbook.engine.book.BookSide;
import io.ringbook.engine.book.OpenExposure;
import io.ringbook.engine.book.Order;
import io.ringbook.engine.book.OrderStore;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.logic.BusinessLogic;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What must hold of the live orders after every command: every book consistent and
 * uncrossed, every open order resting (IOC, FOK and MARKET orders never rest), the
 * open exposure per account and symbol equal to what the books hold (summed without
 * bounds, so a wrapped sum is found), and every live order found by its current
 * clOrdId, no two live orders of an account sharing one.
 */
public final class LiveOrderInvariants {

    private LiveOrderInvariants() {
    }

    public static void check(BusinessLogic logic, int accounts, int symbols, String when) {
        OrderStore store = logic.orders();
        int cells = accounts * symbols;
        int[] orders = new int[cells];
        BigInteger[][] held = new BigInteger[cells][];
        for (int i = 0; i < cells; i++) {
            held[i] = new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        }
        int resting = 0;
        for (int symbol = 0; symbol < symbols; symbol++) {
            resting += BookConsistency.check(logic.book(symbol), store);
            for (Side side : Side.values()) {
                BookSide levels = logic.book(symbol).side(side);
                for (int depth = 0; depth < levels.levelCount(); depth++) {
                    for (Order order = levels.level(depth).head(); order != null; order = order.nextInLevel()) {
                        assertTrue(order.type == OrderType.LIMIT && order.timeInForce.mayRest(),
                                "order " + order.orderId + " (" + order.type + " " + order.timeInForce + ") rests " + when);
                        int cell = order.accountId * symbols + symbol;
                        int at = side == Side.BUY ? 0 : 2;
                        orders[cell]++;
                        held[cell][at] = held[cell][at].add(BigInteger.valueOf(order.leavesQty()));
                        held[cell][at + 1] = held[cell][at + 1].add(
                                BigInteger.valueOf(order.leavesQty()).multiply(BigInteger.valueOf(order.price)));
                    }
                }
            }
        }
        assertEquals(store.openOrders(), resting, "every open order rests " + when);
        OpenExposure exposure = store.exposure();
        for (int account = 0; account < accounts; account++) {
            for (int symbol = 0; symbol < symbols; symbol++) {
                int cell = account * symbols + symbol;
                String where = "account " + account + " symbol " + symbol + " " + when;
                assertEquals(orders[cell], exposure.openOrders(account, symbol), "open orders of " + where);
                assertEquals(held[cell][0], BigInteger.valueOf(exposure.buyLots(account, symbol)), "open buy lots of " + where);
                assertEquals(held[cell][1], BigInteger.valueOf(exposure.buyNotional(account, symbol)), "open buy notional of " + where);
                assertEquals(held[cell][2], BigInteger.valueOf(exposure.sellLots(account, symbol)), "open sell lots of " + where);
                assertEquals(held[cell][3], BigInteger.valueOf(exposure.sellNotional(account, symbol)), "open sell notional of " + where);
            }
            Set<String> ids = new HashSet<>();
            for (Order order = store.firstOfAccount(account); order != null; order = order.nextOfAccount()) {
                if (order.clOrdId.length() > 0) {
                    assertTrue(ids.add(order.clOrdId.toString()), "two live orders of account " + account + " share "
                            + order.clOrdId + " " + when);
                    assertEquals(order.orderId, store.findLive(account, order.clOrdId), "order " + order.orderId
                            + " found by its clOrdId " + order.clOrdId + " " + when);
                }
            }
        }
    }
}
