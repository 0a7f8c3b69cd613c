package io.ringbook.gateway.rest;

import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;

/**
 * Each symbol's tick and lot size as a {@link DecimalUnit}, by symbol id, made once at
 * start, so that reading and rendering an order's prices and quantities finds its unit's
 * digits and scale without asking a {@code BigDecimal} for them per field.
 */
final class SymbolUnits {

    private final DecimalUnit[] ticks;
    private final DecimalUnit[] lots;

    SymbolUnits(SymbolTable symbols) {
        ticks = new DecimalUnit[symbols.size()];
        lots = new DecimalUnit[symbols.size()];
        for (SymbolSpec symbol : symbols.all()) {
            ticks[symbol.id()] = new DecimalUnit(symbol.tickSize());
            lots[symbol.id()] = new DecimalUnit(symbol.lotSize());
        }
    }

    /** The tick size of a known symbol. */
    DecimalUnit tick(SymbolSpec symbol) {
        return ticks[symbol.id()];
    }

    /** The lot size of a known symbol. */
    DecimalUnit lot(SymbolSpec symbol) {
        return lots[symbol.id()];
    }
}
