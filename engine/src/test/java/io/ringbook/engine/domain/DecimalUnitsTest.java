package io.ringbook.engine.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimalUnitsTest {

    private final SymbolSpec btc = new SymbolSpec(0, "BTC-USD", new BigDecimal("0.01"), new BigDecimal("0.0001"), 0, 0);

    @Test
    void shouldConvertExactMultiplesBothWays() {
        assertEquals(10_025, btc.ticks(new BigDecimal("100.25")));
        assertEquals(10_025, btc.ticks(new BigDecimal("100.2500")));
        assertEquals(5_000, btc.lots(new BigDecimal("0.5")));
        assertEquals("100.25", btc.price(10_025).toPlainString());
        assertEquals("0.5000", btc.qty(5_000).toPlainString());
    }

    @Test
    void shouldRefuseValuesOffTheTickOrLotInsteadOfRounding() {
        assertThrows(ArithmeticException.class, () -> btc.ticks(new BigDecimal("100.255")));
        assertThrows(ArithmeticException.class, () -> btc.lots(new BigDecimal("0.00005")));
        assertThrows(ArithmeticException.class, () -> btc.ticks(new BigDecimal("1e30")));
        assertThrows(ArithmeticException.class, () -> btc.ticks(new BigDecimal("1e999999")), "refused without a million-digit division");
        assertThrows(ArithmeticException.class, () -> btc.lots(new BigDecimal("1e-999999")));
        assertEquals(5_000, btc.lots(new BigDecimal("0.50000000000000000000")), "trailing zeros are not extra decimals");
    }

    @Test
    void shouldGiveAveragePricesAtPriceScalePlusEightHalfEven() {
        SymbolSpec test = new SymbolSpec(2, "TEST", BigDecimal.ONE, BigDecimal.ONE, 0, 0);
        assertEquals("99.00000000", test.averagePrice(99 * 2L, 2).toPlainString());
        assertEquals("100.3333333333", btc.averagePrice(10_000 + 10_050 + 10_050, 3).toPlainString());
        assertEquals("0.0066666667", btc.averagePrice(2, 3).toPlainString());
        assertEquals("0.0000050000", btc.notional(5).toPlainString());
    }

    @Test
    void shouldHoldClientOrderIdsOfUpTo36PrintableCharacters() {
        ClOrdId id = new ClOrdId();
        assertTrue(id.set("order-1_ABC.xyz:36-characters-long!!"));
        assertEquals("order-1_ABC.xyz:36-characters-long!!", id.toString());
        ClOrdId copy = new ClOrdId();
        copy.copyFrom(id);
        assertEquals(id.toString(), copy.toString());
        assertEquals(id.length(), copy.length());
        assertFalse(id.set("x".repeat(37)));
        assertFalse(id.set(""));
        assertFalse(id.set("has space"));
        assertEquals(0, id.length());
    }
}
