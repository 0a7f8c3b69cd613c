package io.ringbook.engine.testing;

import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;

import java.math.BigDecimal;
import java.util.List;

/** The demo profile's symbols (API.md), for tests that need real tick and lot sizes. */
public final class DemoMarket {

    public static final int BTC = 0;
    public static final int ETH = 1;
    public static final int TEST = 2;
    public static final int ACCOUNTS = 4;

    private DemoMarket() {
    }

    public static SymbolTable symbols() {
        return withTestFees(0, 0);
    }

    /** The same symbols, TEST with these maker and taker fees (ppm of the notional, negative for a rebate). */
    public static SymbolTable withTestFees(long makerFeePpm, long takerFeePpm) {
        return new SymbolTable(List.of(
                new SymbolSpec(BTC, "BTC-USD", new BigDecimal("0.01"), new BigDecimal("0.0001"), 0, 0),
                new SymbolSpec(ETH, "ETH-USD", new BigDecimal("0.01"), new BigDecimal("0.001"), 0, 0),
                new SymbolSpec(TEST, "TEST", BigDecimal.ONE, BigDecimal.ONE, makerFeePpm, takerFeePpm)));
    }
}
