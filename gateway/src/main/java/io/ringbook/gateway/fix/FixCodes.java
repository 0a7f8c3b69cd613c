package io.ringbook.gateway.fix;

import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;

/** The engine's enums as FIX 4.4 values and back (API.md, "Order gateway: FIX 4.4"). */
final class FixCodes {

    private FixCodes() {
    }

    static char side(Side side) {
        return side == Side.BUY ? '1' : '2';
    }

    /** Side(54), or null for anything but 1 and 2. */
    static Side side(char value) {
        return value == '1' ? Side.BUY : value == '2' ? Side.SELL : null;
    }

    static OrderType orderType(char value) {
        return value == '1' ? OrderType.MARKET : value == '2' ? OrderType.LIMIT : null;
    }

    static char orderType(OrderType type) {
        return type == OrderType.MARKET ? '1' : '2';
    }

    /** TimeInForce(59): 0 DAY, 1 GTC, 3 IOC, 4 FOK, 6 GTD; null for others. */
    static TimeInForce timeInForce(char value) {
        return switch (value) {
            case '0' -> TimeInForce.DAY;
            case '1' -> TimeInForce.GTC;
            case '3' -> TimeInForce.IOC;
            case '4' -> TimeInForce.FOK;
            case '6' -> TimeInForce.GTD;
            default -> null;
        };
    }

    static char timeInForce(TimeInForce tif) {
        return switch (tif) {
            case DAY -> '0';
            case GTC -> '1';
            case IOC -> '3';
            case FOK -> '4';
            case GTD -> '6';
        };
    }

    /** OrdStatus(39) of a status: 0 new, 1 partially filled, 2 filled, 4 canceled, 8 rejected. */
    static char ordStatus(OrderStatus status, boolean expired) {
        if (expired) {
            return 'C';
        }
        return switch (status) {
            case NEW -> '0';
            case PARTIALLY_FILLED -> '1';
            case FILLED -> '2';
            case CANCELED -> '4';
            case REJECTED -> '8';
        };
    }

    /** OrdRejReason(103): 1 unknown symbol, 2 halted or closed, 3 over a limit, 6 duplicate, 13 invalid qty, 99 other. */
    static int ordRejReason(RejectReason reason) {
        return switch (reason) {
            case UNKNOWN_SYMBOL -> 1;
            case SYMBOL_HALTED, MARKET_CLOSED, BREAKER_OPEN, KILL_SWITCH -> 2;
            case MAX_ORDER_QTY, MAX_NOTIONAL, MAX_POSITION, MAX_GROSS_NOTIONAL, MAX_CONCENTRATION, MAX_OPEN_ORDERS,
                 DAILY_LOSS_LIMIT, PRICE_BAND, THROTTLED -> 3;
            case DUPLICATE_CLORDID -> 6;
            case INVALID_QTY -> 13;
            default -> 99;
        };
    }

    /** CxlRejReason(102): 0 too late, 1 unknown order, 6 duplicate ClOrdID, 99 other. */
    static int cxlRejReason(RejectReason reason) {
        return switch (reason) {
            case TOO_LATE_TO_CANCEL -> 0;
            case UNKNOWN_ORDER -> 1;
            case DUPLICATE_CLORDID -> 6;
            default -> 99;
        };
    }
}
