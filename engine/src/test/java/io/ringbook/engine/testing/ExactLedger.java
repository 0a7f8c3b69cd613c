package io.ringbook.engine.testing;

import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.position.PositionBook;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fills of a run replayed with unbounded integers, command by command: every fee is
 * the exact rounded share of its notional, every filled notional the exact sum, every
 * position (quantity, cost basis, realized PnL, fees) what the engine holds, so a long
 * that wrapped anywhere is found. Also the order-type rules seen in the events: a FOK
 * order ends its command filled or rejected untouched, a post-only order never takes.
 */
public final class ExactLedger {

    private static final BigInteger PPM = BigInteger.valueOf(1_000_000);

    private final int accounts;
    private final int symbols;
    private final long[] makerFeePpm;
    private final long[] takerFeePpm;
    private final BigInteger[][] cells;
    private final Map<Long, BigInteger> filledNotional = new HashMap<>();
    private long fills;
    private long fokFilled;
    private long fokRejected;

    public ExactLedger(SymbolTable symbolTable, int accounts) {
        this.accounts = accounts;
        this.symbols = symbolTable.size();
        this.makerFeePpm = new long[symbols];
        this.takerFeePpm = new long[symbols];
        for (int s = 0; s < symbols; s++) {
            makerFeePpm[s] = symbolTable.get(s).makerFeePpm();
            takerFeePpm[s] = symbolTable.get(s).takerFeePpm();
        }
        this.cells = new BigInteger[accounts * symbols][];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        }
    }

    /** Checks one command's events and books its fills. */
    public void onCommand(List<EngineEvent> events) {
        Map<Long, EngineEvent> lastOfOrder = new LinkedHashMap<>();
        for (EngineEvent e : events) {
            if (e.type == EventType.ORDER_FILLED) {
                fill(e);
            }
            if (e.orderId != 0 && e.status != null && e.type != EventType.CANCEL_REJECTED && e.type != EventType.AMEND_REJECTED
                    && e.rejectReason != RejectReason.DUPLICATE_CLORDID) {
                lastOfOrder.put(e.orderId, e);
            }
        }
        for (EngineEvent last : lastOfOrder.values()) {
            if (last.timeInForce == TimeInForce.FOK) {
                boolean untouched = last.status == OrderStatus.REJECTED && last.filledQty == 0;
                assertTrue(untouched || last.status == OrderStatus.FILLED, "FOK order " + last.orderId + " ended " + last);
                fokFilled += untouched ? 0 : 1;
                fokRejected += untouched ? 1 : 0;
            }
            if (!last.status.isOpen()) {
                filledNotional.remove(last.orderId);
            }
        }
    }

    private void fill(EngineEvent e) {
        fills++;
        BigInteger price = BigInteger.valueOf(e.lastPrice);
        BigInteger notional = price.multiply(BigInteger.valueOf(e.lastQty));
        long rate = e.liquidity == Liquidity.TAKER ? takerFeePpm[e.symbolId] : makerFeePpm[e.symbolId];
        BigInteger[] division = notional.multiply(BigInteger.valueOf(rate)).divideAndRemainder(PPM);
        BigInteger fee = division[1].signum() > 0 ? division[0].add(BigInteger.ONE) : division[0];
        assertEquals(fee, BigInteger.valueOf(e.fee), "fee of trade " + e.tradeId + " for order " + e.orderId);
        assertTrue(!e.postOnly || e.liquidity == Liquidity.MAKER, "post-only order " + e.orderId + " took liquidity");
        BigInteger filled = filledNotional.merge(e.orderId, notional, BigInteger::add);
        assertEquals(filled, BigInteger.valueOf(e.filledNotional), "filled notional of order " + e.orderId);
        apply(cells[e.accountId * symbols + e.symbolId], BigInteger.valueOf(e.side.sign() * e.lastQty), price, fee);
    }

    /** The engine's position rules, without bounds. */
    private static void apply(BigInteger[] cell, BigInteger lots, BigInteger price, BigInteger fee) {
        cell[3] = cell[3].add(fee);
        BigInteger position = cell[0];
        if (position.signum() == 0 || position.signum() == lots.signum()) {
            cell[0] = position.add(lots);
            cell[1] = cell[1].add(lots.multiply(price));
            return;
        }
        BigInteger size = position.abs();
        BigInteger closing = lots.abs().min(size);
        BigInteger released = closing.equals(size) ? cell[1] : cell[1].multiply(closing).divide(size);
        BigInteger closingSigned = lots.signum() > 0 ? closing : closing.negate();
        cell[2] = cell[2].add(closingSigned.negate().multiply(price)).subtract(released);
        cell[1] = cell[1].subtract(released).add(lots.subtract(closingSigned).multiply(price));
        cell[0] = position.add(lots);
    }

    /** The engine's positions equal the exact ones (nothing wrapped), and each symbol's positions and PnL net to zero. */
    public void assertPositions(PositionBook positions) {
        for (int symbol = 0; symbol < symbols; symbol++) {
            BigInteger netQty = BigInteger.ZERO;
            BigInteger netPnlLessBasis = BigInteger.ZERO;
            for (int account = 0; account < accounts; account++) {
                BigInteger[] cell = cells[account * symbols + symbol];
                String where = "account " + account + " symbol " + symbol;
                assertEquals(cell[0], BigInteger.valueOf(positions.qty(account, symbol)), "qty of " + where);
                assertEquals(cell[1], BigInteger.valueOf(positions.costBasis(account, symbol)), "cost basis of " + where);
                assertEquals(cell[2], BigInteger.valueOf(positions.realizedPnl(account, symbol)), "realized PnL of " + where);
                assertEquals(cell[3], BigInteger.valueOf(positions.fees(account, symbol)), "fees of " + where);
                netQty = netQty.add(cell[0]);
                netPnlLessBasis = netPnlLessBasis.add(cell[2]).subtract(cell[1]);
            }
            assertEquals(BigInteger.ZERO, netQty, "positions in symbol " + symbol + " net to zero");
            assertEquals(BigInteger.ZERO, netPnlLessBasis,
                    "realized PnL plus mark-to-market nets to zero across accounts in symbol " + symbol + " (before fees)");
        }
    }

    public long fills() {
        return fills;
    }

    public long fokFilled() {
        return fokFilled;
    }

    public long fokRejected() {
        return fokRejected;
    }
}
