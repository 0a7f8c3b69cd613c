package io.ringbook.gateway.rest;

import io.ringbook.engine.domain.DecimalUnits;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.RiskStatus;

import java.math.BigDecimal;

/**
 * The {@code rejectText} of a rejected order (API.md): a sentence for people naming the
 * limit or rule met, e.g. "qty 60 lots is over the account's max order qty of 50 lots".
 * Rendered here, at the gateway, from the reject reason, the order and the account's
 * limits as the risk engine publishes them (the limits in force when the text is read),
 * so that the business logic only ever emits the reason code.
 */
final class RejectText {

    private final ReferenceData data;
    private final RiskStatus risk;

    RejectText(ReferenceData data, RiskStatus risk) {
        this.data = data;
        this.risk = risk;
    }

    /** The sentence for an order event with a reject reason (a rejected order, a refused amend); null for none. */
    String of(EngineEvent order) {
        SymbolSpec symbol = order.symbolId >= 0 && order.symbolId < data.symbols().size() ? data.symbols().get(order.symbolId) : null;
        if (symbol == null) {
            return switch (order.rejectReason) {
                case NONE -> null;
                case UNKNOWN_SYMBOL -> "the symbol is not traded here (GET /api/v1/symbols lists those that are)";
                default -> order.rejectReason.name().toLowerCase().replace('_', ' ');
            };
        }
        AccountLimits limits = order.accountId >= 0 && order.accountId < data.accounts().size() ? risk.limits(order.accountId) : null;
        String name = symbol.name();
        return switch (order.rejectReason) {
            case NONE -> null;
            case UNKNOWN_SYMBOL -> "the symbol is not traded here (GET /api/v1/symbols lists those that are)";
            case MAX_ORDER_QTY -> "qty " + lots(symbol, order.qty) + " is over the account's max order qty of "
                    + limitLots(limits == null ? AccountLimits.UNLIMITED : limits.maxOrderQty().of(order.symbolId)) + " in " + name;
            case MAX_NOTIONAL -> "the order's notional is over the account's max order notional of "
                    + money(limits == null ? AccountLimits.UNLIMITED : limits.maxOrderNotional());
            case MAX_POSITION -> "the order would take the account's position in " + name + " beyond its max position of "
                    + limitLots(limits == null ? AccountLimits.UNLIMITED : limits.maxPosition().of(order.symbolId));
            case MAX_GROSS_NOTIONAL -> "the order would take the account's gross notional beyond its max of "
                    + money(limits == null ? AccountLimits.UNLIMITED : limits.maxGrossNotional());
            case MAX_CONCENTRATION -> "the order would put more than the account's max concentration of "
                    + percent(limits == null ? AccountLimits.UNLIMITED : limits.maxConcentrationBps()) + " of its gross notional in " + name;
            case MAX_OPEN_ORDERS -> "the account has as many open orders as it may (" + count(limits == null
                    ? AccountLimits.UNLIMITED : limits.maxOpenOrders()) + " in all, " + count(limits == null
                    ? AccountLimits.UNLIMITED : limits.maxOpenOrdersPerSymbol()) + " per symbol), or the venue as many as it holds ("
                    + count(risk.venueMaxOpenOrders()) + " for all accounts together)";
            case DAILY_LOSS_LIMIT -> "the account's loss today has reached its daily loss limit of "
                    + money(limits == null ? AccountLimits.UNLIMITED : limits.dailyLossLimit());
            case PRICE_BAND -> "price " + symbol.price(order.price).toPlainString() + " is outside " + name + "'s price band of "
                    + percent(data.risk().symbols().get(order.symbolId).priceBandBps()) + " around its reference price";
            case THROTTLED -> "the account sent more than its max of " + count(limits == null ? AccountLimits.UNLIMITED
                    : limits.maxOrdersPerSecond()) + " orders per second";
            case SYMBOL_HALTED -> name + " is halted by an operator";
            case BREAKER_OPEN -> "a circuit breaker is open: " + name + "'s volatility breaker, or the account's reject-storm or "
                    + "daily-loss breaker (GET /api/v1/account shows the account's)";
            case MARKET_CLOSED -> name + " trades " + symbol.tradingHours() + " and is closed now";
            case KILL_SWITCH -> "a kill switch blocks new orders of this account";
            case FOK_NOT_FILLED -> "a FOK order fills whole at once or not at all: the book could not fill qty " + lots(symbol, order.qty);
            case POST_ONLY_WOULD_TAKE -> "a post-only order at " + symbol.price(order.price).toPlainString() + " would take liquidity";
            case SELF_TRADE -> "the order would trade with an order of the same account (self-trade prevention)";
            default -> order.rejectReason.name().toLowerCase().replace('_', ' ');
        };
    }

    /** {@code 60 lots}, or {@code 0.5 (5000 lots)} where a lot is not 1. */
    private static String lots(SymbolSpec symbol, long lots) {
        return symbol.lotSize().compareTo(BigDecimal.ONE) == 0 ? lots + " lots" : symbol.qty(lots).toPlainString() + " (" + lots + " lots)";
    }

    private static String limitLots(long lots) {
        return lots == AccountLimits.UNLIMITED ? "unlimited" : lots + " lots";
    }

    private static String count(long value) {
        return value == AccountLimits.UNLIMITED ? "unlimited" : Long.toString(value);
    }

    private static String percent(long bps) {
        return bps == AccountLimits.UNLIMITED ? "unlimited" : BigDecimal.valueOf(bps, 2).stripTrailingZeros().toPlainString() + "%";
    }

    private String money(long units) {
        return units == AccountLimits.UNLIMITED ? "unlimited"
                : DecimalUnits.fromUnits(units, data.symbols().notionalUnit()).stripTrailingZeros().toPlainString();
    }
}
