package io.ringbook.engine.limits;

/**
 * One account's pre-trade limits, as configured at start and replaced whole by the
 * journaled {@code SET_LIMITS} command. Quantities are lots of the symbol; notionals
 * and the loss limit are common notional units (see
 * {@link io.ringbook.engine.domain.SymbolTable#notionalUnit()}); the concentration share
 * is basis points. {@link #UNLIMITED} switches a limit off, so a check is one compare.
 *
 * @param concentrationMinGross the concentration limit applies only once the account's
 *                              gross exposure, with the order, exceeds this (0 = always)
 */
public record AccountLimits(PerSymbolLimit maxOrderQty, PerSymbolLimit maxPosition, long maxOrderNotional,
                            long maxGrossNotional, long maxConcentrationBps, long concentrationMinGross, long maxOpenOrders,
                            long maxOpenOrdersPerSymbol, long maxOrdersPerSecond, long dailyLossLimit) {

    public static final long UNLIMITED = Long.MAX_VALUE;

    public AccountLimits {
        if (maxOrderQty.symbols() != maxPosition.symbols()) {
            throw new IllegalArgumentException("per-symbol limits of different shapes");
        }
        if (maxOrderNotional < 0 || maxGrossNotional < 0 || maxConcentrationBps < 0 || concentrationMinGross < 0
                || maxOpenOrders < 0 || maxOpenOrdersPerSymbol < 0 || maxOrdersPerSecond < 0 || dailyLossLimit < 0) {
            throw new IllegalArgumentException("a limit cannot be negative");
        }
    }

    /** No limit at all, for tests of other things and for backtests that want none. */
    public static AccountLimits none(int symbols) {
        PerSymbolLimit unlimited = PerSymbolLimit.uniform(UNLIMITED, symbols);
        return new AccountLimits(unlimited, unlimited, UNLIMITED, UNLIMITED, UNLIMITED, 0, UNLIMITED, UNLIMITED, UNLIMITED,
                UNLIMITED);
    }

    /**
     * The venue's limits, as a {@code SET_LIMITS} command for account -1 carries them
     * (a start that changes the venue-wide cap journals one): only {@code maxOpenOrders}
     * applies, to the open orders of all accounts together.
     */
    public static AccountLimits venue(int symbols, long maxOpenOrders) {
        PerSymbolLimit unlimited = PerSymbolLimit.uniform(UNLIMITED, symbols);
        return new AccountLimits(unlimited, unlimited, UNLIMITED, UNLIMITED, UNLIMITED, 0, maxOpenOrders, UNLIMITED, UNLIMITED,
                UNLIMITED);
    }
}
