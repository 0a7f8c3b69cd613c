package io.ringbook.engine.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tradable symbol: its dense id (index into the engine's arrays), its name, the units
 * its prices and quantities are counted in, and when it trades. Fees are parts per
 * million of the notional, negative for a rebate.
 *
 * @param id           dense id, 0..n-1, assigned in configuration order
 * @param name         e.g. {@code BTC-USD}
 * @param tickSize     price of one tick, e.g. 0.01
 * @param lotSize      quantity of one lot, e.g. 0.0001
 * @param makerFeePpm  fee charged to the resting side, per million of notional
 * @param takerFeePpm  fee charged to the incoming side, per million of notional
 * @param tradingHours the sessions in which it accepts orders
 */
public record SymbolSpec(int id, String name, BigDecimal tickSize, BigDecimal lotSize, long makerFeePpm, long takerFeePpm,
                         TradingHours tradingHours) {

    public SymbolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tradingHours, "tradingHours");
        if (tickSize.signum() <= 0 || lotSize.signum() <= 0) {
            throw new IllegalArgumentException(name + ": tick and lot sizes must be positive");
        }
        if (Math.abs(makerFeePpm) > 1_000_000 || Math.abs(takerFeePpm) > 1_000_000) {
            throw new IllegalArgumentException(name + ": fees must be within -100% and 100% of the notional");
        }
    }

    /** A symbol that trades around the clock. */
    public SymbolSpec(int id, String name, BigDecimal tickSize, BigDecimal lotSize, long makerFeePpm, long takerFeePpm) {
        this(id, name, tickSize, lotSize, makerFeePpm, takerFeePpm, TradingHours.ALWAYS);
    }

    /** Price decimal to ticks; off-tick prices are an error. */
    public long ticks(BigDecimal price) {
        return DecimalUnits.toUnits(price, tickSize);
    }

    /** Quantity decimal to lots; off-lot quantities are an error. */
    public long lots(BigDecimal qty) {
        return DecimalUnits.toUnits(qty, lotSize);
    }

    public BigDecimal price(long ticks) {
        return DecimalUnits.fromUnits(ticks, tickSize);
    }

    public BigDecimal qty(long lots) {
        return DecimalUnits.fromUnits(lots, lotSize);
    }

    /** The quote value of one tick-lot (one tick of price times one lot). */
    public BigDecimal tickLot() {
        return tickSize.multiply(lotSize);
    }

    /** A notional in tick-lots (price ticks times lots) as a quote amount at price scale + 8 digits. */
    public BigDecimal notional(long tickLots) {
        return DecimalUnits.ratio(tickLots, 1, tickLot(), tickSize.scale() + 8);
    }

    /** The average price of {@code notional} tick-lots over {@code lots}, at price scale + 8 digits. */
    public BigDecimal averagePrice(long notional, long lots) {
        return DecimalUnits.ratio(notional, lots, tickSize, tickSize.scale() + 8);
    }
}
