package io.ringbook.web;

import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.PerSymbolLimit;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LimitsDocumentTest {

    private final SymbolTable symbols = DemoMarket.symbols();

    private static AccountLimits demo(int symbols) {
        return new AccountLimits(PerSymbolLimit.uniform(1_000_000, symbols), PerSymbolLimit.uniform(AccountLimits.UNLIMITED, symbols),
                AccountLimits.UNLIMITED, AccountLimits.UNLIMITED, AccountLimits.UNLIMITED, 0, 10_000, AccountLimits.UNLIMITED,
                10_000, AccountLimits.UNLIMITED);
    }

    @Test
    void shouldWriteTheDemoLimitsInTheContractsShape() {
        assertEquals("{account=T1, maxOrderQty={*=1000000}, maxPosition={*=null}, maxOrderNotional=null, maxGrossNotional=null, "
                        + "maxConcentrationPct=null, maxOpenOrders=10000, maxOpenOrdersPerSymbol=null, maxOrdersPerSecond=10000, "
                        + "dailyLossLimit=null}",
                LimitsDocument.toJson("T1", demo(3), symbols).toString());
    }

    @Test
    void shouldReadWhatItWrites() {
        AccountLimits limits = new AccountLimits(new PerSymbolLimit(500, new long[]{PerSymbolLimit.INHERIT, 7, AccountLimits.UNLIMITED}),
                PerSymbolLimit.uniform(40, 3), 2_500_000_000L, 1_000_000_000_000L, 4_050, 3_000_000, 12, 3, 50, 99_000_000);
        Map<String, Object> json = LimitsDocument.toJson("T2", limits, symbols);
        assertEquals("{*=500, ETH-USD=7, TEST=null}", json.get("maxOrderQty").toString());
        assertEquals("2500", json.get("maxOrderNotional"));
        assertEquals("40.5", json.get("maxConcentrationPct"));
        assertEquals("3", json.get("concentrationMinGross"));
        assertEquals("99", json.get("dailyLossLimit"));
        assertEquals(limits, LimitsDocument.fromJson(json, symbols));
    }

    @Test
    void shouldAcceptNumbersAsWellAsStrings() {
        Map<String, Object> json = new HashMap<>(LimitsDocument.toJson("T1", demo(3), symbols));
        json.put("maxOrderNotional", new BigDecimal("12.000001"));
        json.put("maxOpenOrders", 5);
        AccountLimits read = LimitsDocument.fromJson(json, symbols);
        assertEquals(12_000_001, read.maxOrderNotional());
        assertEquals(5, read.maxOpenOrders());
    }

    @Test
    void shouldNameTheFieldThatIsWrong() {
        assertRefused("MISSING_FIELD", "maxPosition", json -> json.remove("maxPosition"));
        assertRefused("UNKNOWN_FIELD", "maxLeverage", json -> json.put("maxLeverage", "2"));
        assertRefused("INVALID_FIELD", "maxOrderQty", json -> json.put("maxOrderQty", "5"));
        assertRefused("MISSING_FIELD", "maxOrderQty.*", json -> json.put("maxOrderQty", Map.of("TEST", "5")));
        assertRefused("INVALID_FIELD", "maxOrderQty.DOGE", json -> json.put("maxOrderQty", Map.of("*", "5", "DOGE", "1")));
        assertRefused("INVALID_FIELD", "maxOpenOrders", json -> json.put("maxOpenOrders", "-1"));
        assertRefused("INVALID_FIELD", "maxOpenOrders", json -> json.put("maxOpenOrders", "1.5"));
        assertRefused("INVALID_FIELD", "maxOpenOrders", json -> json.put("maxOpenOrders", 1.5d));
        assertRefused("INVALID_FIELD", "maxOpenOrders", json -> json.put("maxOpenOrders", "lots"));
        assertRefused("INVALID_FIELD", "maxOpenOrders", json -> json.put("maxOpenOrders", "1e999999"));
        assertRefused("INVALID_FIELD", "maxOrderNotional", json -> json.put("maxOrderNotional", "0.0000001"));
        assertRefused("INVALID_FIELD", "maxConcentrationPct", json -> json.put("maxConcentrationPct", "100.01"));
        assertRefused("INVALID_FIELD", "maxConcentrationPct", json -> json.put("maxConcentrationPct", "33.333"));
    }

    private void assertRefused(String code, String field, java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> json = new LinkedHashMap<>(LimitsDocument.toJson("T1", demo(3), symbols));
        change.accept(json);
        InvalidLimitsException refused = assertThrows(InvalidLimitsException.class, () -> LimitsDocument.fromJson(json, symbols));
        assertEquals(code, refused.code());
        assertEquals(field, refused.getMessage().split(" ")[0]);
    }
}
