package io.ringbook.gateway.fix;

import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import quickfix.Message;
import quickfix.field.MsgType;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Engine events as FIX 4.4 messages: ExecutionReport (8) for what happened to an order,
 * OrderCancelReject (9) for a refused cancel or replace. Decimals are written as exact
 * strings at the symbol's scale (never through a double); ExecType(150) says what
 * happened, OrdStatus(39) where the order stands.
 */
final class ExecutionReports {

    static final int LAST_LIQUIDITY_IND = 851;

    private final ReferenceData data;

    ExecutionReports(ReferenceData data) {
        this.data = data;
    }

    /** The report of an order event; {@code origClOrdId} is the order's id before this event (replaces, cancels), or null. */
    Message report(EngineEvent e, String origClOrdId, char execType) {
        SymbolSpec symbol = data.symbols().get(e.symbolId);
        Message m = message(MsgType.EXECUTION_REPORT);
        // a duplicate ClOrdID refuses the request, not the order that already has it: no OrderID of that order
        m.setString(37, e.rejectReason == RejectReason.DUPLICATE_CLORDID ? "NONE" : Long.toString(e.orderId));
        boolean byRequest = e.requestClOrdId.length() > 0;
        m.setString(11, byRequest ? e.requestClOrdId.toString() : e.clOrdId.toString());
        if (origClOrdId != null && !origClOrdId.isEmpty()) {
            m.setString(41, origClOrdId);
        }
        m.setString(17, Long.toString(e.execId));
        m.setChar(150, execType);
        m.setChar(39, FixCodes.ordStatus(e.status, e.type == EventType.ORDER_EXPIRED));
        m.setString(1, data.accounts().name(e.accountId));
        m.setString(55, symbol.name());
        if (e.side != null) {
            m.setChar(54, FixCodes.side(e.side));
        }
        if (e.orderType != null) {
            m.setChar(40, FixCodes.orderType(e.orderType));
        }
        if (e.timeInForce != null) {
            m.setChar(59, FixCodes.timeInForce(e.timeInForce));
        }
        m.setString(38, symbol.qty(e.qty).toPlainString());
        if (e.orderType == OrderType.LIMIT && e.price != 0) {
            m.setString(44, symbol.price(e.price).toPlainString());
        }
        m.setString(14, symbol.qty(e.filledQty).toPlainString());
        m.setString(151, symbol.qty(e.leavesQty()).toPlainString());
        m.setString(6, e.filledQty == 0 ? "0" : symbol.averagePrice(e.filledNotional, e.filledQty).toPlainString());
        if (e.type == EventType.ORDER_FILLED) {
            m.setString(31, symbol.price(e.lastPrice).toPlainString());
            m.setString(32, symbol.qty(e.lastQty).toPlainString());
            m.setInt(LAST_LIQUIDITY_IND, e.liquidity == Liquidity.MAKER ? 1 : 2);
            m.setString(12, symbol.notional(e.fee).stripTrailingZeros().toPlainString());
            m.setChar(13, '3');
        }
        if (e.rejectReason != RejectReason.NONE) {
            m.setInt(103, FixCodes.ordRejReason(e.rejectReason));
            m.setString(58, e.rejectReason.name());
        } else if (e.cancelReason != CancelReason.NONE) {
            m.setString(58, e.cancelReason.name());
        }
        m.setUtcTimeStamp(60, time(e.eventTimeNanos), true);
        return m;
    }

    /**
     * ExecutionReport 150=I: where the order stands (an OrderStatusRequest's answer, or a
     * PossResend's of a ClOrdID already used), without the last event's fill fields.
     */
    Message status(EngineEvent order, String execId) {
        Message report = report(order, null, 'I');
        report.setString(17, execId);
        report.removeField(31);
        report.removeField(32);
        report.removeField(LAST_LIQUIDITY_IND);
        report.removeField(12);
        report.removeField(13);
        return report;
    }

    /**
     * OrderCancelReject (9) for a CANCEL_REJECTED or AMEND_REJECTED event; {@code known}
     * is the gateway's last state of the order it names (an order already done: too late),
     * whose OrdStatus(39) it carries; 8 when the order is unknown.
     */
    Message cancelReject(EngineEvent e, EngineEvent known) {
        Message m = message(MsgType.ORDER_CANCEL_REJECT);
        m.setString(37, e.orderId == 0 ? "NONE" : Long.toString(e.orderId));
        m.setString(11, e.requestClOrdId.length() > 0 ? e.requestClOrdId.toString() : "NONE");
        m.setString(41, e.clOrdId.length() > 0 ? e.clOrdId.toString() : "NONE");
        EngineEvent order = e.status != null ? e : known;
        m.setChar(39, order == null || order.status == null ? '8'
                : FixCodes.ordStatus(order.status, order.type == EventType.ORDER_EXPIRED));
        m.setChar(434, e.type == EventType.CANCEL_REJECTED ? '1' : '2');
        m.setInt(102, FixCodes.cxlRejReason(e.rejectReason));
        m.setString(58, e.rejectReason.name());
        return m;
    }

    /** A new order refused at the edge, before the engine (unknown symbol, off-tick price): ER 150=8 39=8. */
    Message edgeReject(quickfix.Message order, String execId, int ordRejReason, String text) throws quickfix.FieldNotFound {
        Message m = message(MsgType.EXECUTION_REPORT);
        m.setString(37, "NONE");
        m.setString(11, order.getString(11));
        m.setString(17, execId);
        m.setChar(150, '8');
        m.setChar(39, '8');
        m.setString(55, order.getString(55));
        m.setChar(54, order.getChar(54));
        m.setString(38, order.isSetField(38) ? order.getString(38) : "0");
        m.setString(14, "0");
        m.setString(151, "0");
        m.setString(6, "0");
        m.setInt(103, ordRejReason);
        m.setString(58, text);
        m.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC), true);
        return m;
    }

    static Message message(String type) {
        Message m = new Message();
        m.getHeader().setString(MsgType.FIELD, type);
        return m;
    }

    private static LocalDateTime time(long epochNanos) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)), ZoneOffset.UTC);
    }
}
