package io.ringbook.engine.limits;

/**
 * A symbol's price protections. Prices are ticks, shares basis points, times nanos.
 *
 * @param priceBandBps          LIMIT prices further than this from the reference are refused, and MARKET
 *                              orders never trade beyond it; {@link AccountLimits#UNLIMITED} for no band
 * @param referencePrice        the reference before the first trade (0: no band until a trade)
 * @param volatilityMoveBps     a move of more than this within the window opens the volatility breaker
 *                              ({@link AccountLimits#UNLIMITED}: no breaker)
 * @param volatilityWindowNanos the window the move is measured over
 * @param breaker               the breaker's cool-down and probes
 */
public record SymbolRisk(long priceBandBps, long referencePrice, long volatilityMoveBps, long volatilityWindowNanos,
                         BreakerSettings breaker) {

    public SymbolRisk {
        if (priceBandBps <= 0 || referencePrice < 0 || volatilityMoveBps <= 0 || volatilityWindowNanos <= 0) {
            throw new IllegalArgumentException("invalid symbol risk settings");
        }
    }

    public static SymbolRisk none() {
        return new SymbolRisk(AccountLimits.UNLIMITED, 0, AccountLimits.UNLIMITED, 1, BreakerSettings.DEFAULT);
    }
}
