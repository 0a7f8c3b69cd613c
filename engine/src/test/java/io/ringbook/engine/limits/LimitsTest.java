package io.ringbook.engine.limits;

import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LimitsTest {

    @Test
    void shouldTakeTheDefaultWhereASymbolHasNoOverride() {
        PerSymbolLimit limit = new PerSymbolLimit(100, new long[]{PerSymbolLimit.INHERIT, 7, 0});
        assertEquals(100, limit.of(0));
        assertEquals(7, limit.of(1));
        assertEquals(0, limit.of(2), "0 is a limit (nothing allowed), not a default");
        assertEquals(PerSymbolLimit.INHERIT, limit.override(0));
        assertEquals(new PerSymbolLimit(100, new long[]{-1, 7, 0}), limit);
        assertEquals(new PerSymbolLimit(100, new long[]{-1, 7, 0}).hashCode(), limit.hashCode());
        assertNotEquals(PerSymbolLimit.uniform(100, 3), limit);
        assertThrows(IllegalArgumentException.class, () -> new PerSymbolLimit(-1, new long[3]));
        assertThrows(IllegalArgumentException.class, () -> new PerSymbolLimit(1, new long[]{-2}));
    }

    @Test
    void shouldRefuseNegativeOrMisshapenLimits() {
        AccountLimits none = AccountLimits.none(3);
        assertEquals(AccountLimits.UNLIMITED, none.maxOrderQty().of(2));
        assertThrows(IllegalArgumentException.class, () -> new AccountLimits(none.maxOrderQty(), PerSymbolLimit.uniform(1, 2),
                1, 1, 1, 0, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new AccountLimits(none.maxOrderQty(), none.maxPosition(),
                -1, 1, 1, 0, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SymbolRisk(0, 0, 1, 1, BreakerSettings.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new BreakerSettings(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RejectStorm(-1, 1, BreakerSettings.DEFAULT));
    }

    @Test
    void shouldSumNotionalsInTheSmallestTickLot() {
        SymbolTable demo = DemoMarket.symbols();
        assertEquals(0, new BigDecimal("0.000001").compareTo(demo.notionalUnit()));
        assertEquals(1, demo.notionalMultiplier(DemoMarket.BTC));
        assertEquals(10, demo.notionalMultiplier(DemoMarket.ETH));
        assertEquals(1_000_000, demo.notionalMultiplier(DemoMarket.TEST));
        assertThrows(IllegalArgumentException.class, () -> new SymbolTable(List.of(
                new SymbolSpec(0, "A", new BigDecimal("0.02"), BigDecimal.ONE, 0, 0),
                new SymbolSpec(1, "B", new BigDecimal("0.03"), BigDecimal.ONE, 0, 0))));
    }

    @Test
    void shouldNameBreakersByPrefix() {
        assertEquals(BreakerKind.REJECT_STORM, BreakerKind.ofPrefix("reject-storm"));
        assertEquals(BreakerKind.VOLATILITY, BreakerKind.ofPrefix("volatility"));
        assertNull(BreakerKind.ofPrefix("volatile"));
        BreakerStatus status = BreakerStatus.closed(BreakerKind.DAILY_LOSS, 1).withHealth(5);
        assertEquals(BreakerState.CLOSED, status.state());
        assertEquals(5, status.healthScore());
        assertEquals(1, status.target());
    }
}
