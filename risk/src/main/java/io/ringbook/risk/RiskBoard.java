package io.ringbook.risk;

import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerState;
import io.ringbook.engine.limits.BreakerStatus;
import io.ringbook.engine.limits.KillSwitchStatus;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.limits.RiskStatus;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The risk engine's state published for readers on other threads: immutable values in
 * atomic arrays, written with release stores ({@code lazySet}, a plain store on x86)
 * and only when something changes, so the business logic never waits and pays almost
 * nothing. One board outlives the risk engines that recovery builds and discards; the
 * last one to write is the live one.
 */
public final class RiskBoard implements RiskStatus {

    private final AtomicReferenceArray<BreakerStatus>[] breakers;
    private final AtomicIntegerArray halted;
    private final AtomicReferenceArray<KillSwitchStatus> killSwitches;
    private final AtomicReferenceArray<AccountLimits> limits;
    private final AtomicLongArray selfTradeCancels;
    private volatile long venueMaxOpenOrders;

    @SuppressWarnings("unchecked")
    public RiskBoard(RiskSettings settings) {
        int symbols = settings.symbols().size();
        int accounts = settings.accounts().size();
        breakers = new AtomicReferenceArray[BreakerKind.values().length];
        for (BreakerKind kind : BreakerKind.values()) {
            int targets = kind.perAccount() ? accounts : symbols;
            breakers[kind.ordinal()] = new AtomicReferenceArray<>(targets);
            for (int target = 0; target < targets; target++) {
                breakers[kind.ordinal()].set(target, BreakerStatus.closed(kind, target));
            }
        }
        halted = new AtomicIntegerArray(symbols);
        killSwitches = new AtomicReferenceArray<>(accounts + 1);
        for (int account = -1; account < accounts; account++) {
            killSwitches.set(account + 1, new KillSwitchStatus(account, false, 0));
        }
        List<AccountLimits> initial = settings.accounts();
        limits = new AtomicReferenceArray<>(initial.toArray(new AccountLimits[0]));
        selfTradeCancels = new AtomicLongArray(accounts);
        venueMaxOpenOrders = settings.maxOpenOrders();
    }

    @Override
    public BreakerStatus breaker(BreakerKind kind, int target) {
        return breakers[kind.ordinal()].get(target);
    }

    @Override
    public boolean halted(int symbolId) {
        return halted.get(symbolId) != 0;
    }

    @Override
    public KillSwitchStatus killSwitch(int accountId) {
        return killSwitches.get(accountId + 1);
    }

    @Override
    public AccountLimits limits(int accountId) {
        return limits.get(accountId);
    }

    @Override
    public long selfTradeCancels(int accountId) {
        return selfTradeCancels.get(accountId);
    }

    @Override
    public long venueMaxOpenOrders() {
        return venueMaxOpenOrders;
    }

    void breaker(BreakerKind kind, int target, BreakerState state, int trips, long openedAt, long nextRetryAt, int health) {
        breakers[kind.ordinal()].lazySet(target, new BreakerStatus(kind, target, state, trips, openedAt, nextRetryAt, health));
    }

    void health(BreakerKind kind, int target, int score) {
        AtomicReferenceArray<BreakerStatus> ofKind = breakers[kind.ordinal()];
        ofKind.lazySet(target, ofKind.get(target).withHealth(score));
    }

    void halted(int symbolId, boolean value) {
        halted.lazySet(symbolId, value ? 1 : 0);
    }

    void killSwitch(int accountId, boolean active, long since) {
        killSwitches.lazySet(accountId + 1, new KillSwitchStatus(accountId, active, since));
    }

    void limits(int accountId, AccountLimits value) {
        limits.lazySet(accountId, value);
    }

    void venueMaxOpenOrders(long cap) {
        venueMaxOpenOrders = cap;
    }

    void selfTradeCancels(int accountId, long count) {
        selfTradeCancels.lazySet(accountId, count);
    }
}
