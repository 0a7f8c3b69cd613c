package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerSettings;
import io.ringbook.engine.limits.PerSymbolLimit;
import io.ringbook.engine.limits.RejectStorm;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.limits.SymbolRisk;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LimitChangesTest {

    private static final ReferenceData BASE = new ReferenceData(DemoMarket.symbols(), new AccountTable(List.of("T1", "T2", "T3")));

    @Test
    void onlyLimitsMayChangeBetweenStarts() {
        ReferenceData tighter = withLimits(1, tightQty(5));
        assertTrue(LimitChanges.compatible(BASE, tighter));
        RiskSettings banded = new RiskSettings(List.of(SymbolRisk.none(), SymbolRisk.none(),
                new SymbolRisk(500, 100, AccountLimits.UNLIMITED, 1, BreakerSettings.DEFAULT)), BASE.risk().accounts(), RejectStorm.NONE);
        assertFalse(LimitChanges.compatible(BASE, new ReferenceData(BASE.symbols(), BASE.accounts(), banded)), "a price band");
        RiskSettings storm = new RiskSettings(BASE.risk().symbols(), BASE.risk().accounts(),
                new RejectStorm(10, 1_000_000_000L, BreakerSettings.DEFAULT));
        assertFalse(LimitChanges.compatible(BASE, new ReferenceData(BASE.symbols(), BASE.accounts(), storm)), "a reject-storm breaker");
        ReferenceData fewerAccounts = new ReferenceData(BASE.symbols(), new AccountTable(List.of("T1", "T2")));
        assertFalse(LimitChanges.compatible(BASE, fewerAccounts), "another account list");
    }

    @Test
    void eachChangedAccountBecomesOneSetLimitsCommandNumberedAfterTheJournal() {
        ReferenceData changed = withLimits(2, tightQty(7));
        List<Command> commands = LimitChanges.commands(BASE, changed, 41, 1_000);
        assertEquals(1, commands.size(), "only T3 changed");
        Command setLimits = commands.get(0);
        assertEquals(CommandType.SET_LIMITS, setLimits.type);
        assertEquals(2, setLimits.accountId);
        assertEquals(tightQty(7), setLimits.limits);
        assertEquals(42, setLimits.sequence);
        assertEquals(1_000, setLimits.eventTimeNanos);
        assertEquals(List.of(), LimitChanges.commands(changed, changed, 41, 1_000), "nothing changed, nothing journaled");
    }

    @Test
    void aChangedVenueCapBecomesASetLimitsCommandForAccountMinusOne() {
        ReferenceData capped = new ReferenceData(BASE.symbols(), BASE.accounts(), BASE.risk().withMaxOpenOrders(500));
        assertTrue(LimitChanges.compatible(BASE, capped), "the cap follows the heap, so it may change between starts");
        List<Command> commands = LimitChanges.commands(withLimits(0, tightQty(3)), capped, 9, 1_000);
        assertEquals(2, commands.size(), "T1's limits, then the venue's cap");
        Command venue = commands.get(1);
        assertEquals(-1, venue.accountId);
        assertEquals(500, venue.limits.maxOpenOrders());
        assertEquals(11, venue.sequence);
        assertEquals(List.of(), LimitChanges.commands(capped, capped, 9, 1_000));
    }

    static AccountLimits tightQty(long lots) {
        AccountLimits none = AccountLimits.none(DemoMarket.symbols().size());
        return new AccountLimits(PerSymbolLimit.uniform(lots, DemoMarket.symbols().size()), none.maxPosition(), none.maxOrderNotional(),
                none.maxGrossNotional(), none.maxConcentrationBps(), none.concentrationMinGross(), none.maxOpenOrders(),
                none.maxOpenOrdersPerSymbol(), none.maxOrdersPerSecond(), none.dailyLossLimit());
    }

    private static ReferenceData withLimits(int account, AccountLimits limits) {
        return withLimits(BASE, account, limits);
    }

    static ReferenceData withLimits(ReferenceData base, int account, AccountLimits limits) {
        List<AccountLimits> accounts = new ArrayList<>(base.risk().accounts());
        accounts.set(account, limits);
        return new ReferenceData(base.symbols(), base.accounts(), new RiskSettings(base.risk().symbols(), accounts, base.risk().rejectStorm()));
    }
}
