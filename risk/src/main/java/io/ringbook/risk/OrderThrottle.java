package io.ringbook.risk;

import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.state.StateBuffer;

/**
 * Orders per second per account as a token bucket of capacity {@code rate}, refilled at
 * {@code rate} per second of event time, kept exactly as the generic cell rate algorithm
 * does: one "theoretical arrival time" per account, advanced by 1/rate seconds per
 * order, held as whole nanoseconds plus a remainder in 1/rate-nanosecond steps, so that
 * no rounding accumulates and replay decides every order the same way.
 */
final class OrderThrottle {

    private static final long SECOND = 1_000_000_000L;

    private final long[] rate;
    private final long[] arrivalNanos;
    private final long[] arrivalRemainder;

    OrderThrottle(int accounts) {
        this.rate = new long[accounts];
        this.arrivalNanos = new long[accounts];
        this.arrivalRemainder = new long[accounts];
    }

    /** Takes a token if the account has one at {@code now} under {@code maxPerSecond}; a changed rate starts a full bucket. */
    boolean tryAcquire(int account, long now, long maxPerSecond) {
        if (maxPerSecond >= SECOND || maxPerSecond == AccountLimits.UNLIMITED) {
            return true;
        }
        if (maxPerSecond == 0) {
            return false;
        }
        if (rate[account] != maxPerSecond) {
            rate[account] = maxPerSecond;
            arrivalNanos[account] = now;
            arrivalRemainder[account] = 0;
        }
        long at = arrivalNanos[account];
        long remainder = arrivalRemainder[account];
        if (at < now) {
            at = now;
            remainder = 0;
        }
        // conforming while the arrival time is at most (rate - 1) / rate seconds ahead of now
        if ((at - now) * maxPerSecond + remainder > (maxPerSecond - 1) * SECOND) {
            return false;
        }
        at += SECOND / maxPerSecond;
        remainder += SECOND % maxPerSecond;
        if (remainder >= maxPerSecond) {
            remainder -= maxPerSecond;
            at++;
        }
        arrivalNanos[account] = at;
        arrivalRemainder[account] = remainder;
        return true;
    }

    void writeTo(StateBuffer out) {
        for (int account = 0; account < rate.length; account++) {
            out.putLong(rate[account]);
            out.putLong(arrivalNanos[account]);
            out.putLong(arrivalRemainder[account]);
        }
    }

    void readFrom(StateBuffer in) {
        for (int account = 0; account < rate.length; account++) {
            rate[account] = in.getLong();
            arrivalNanos[account] = in.getLong();
            arrivalRemainder[account] = in.getLong();
        }
    }
}
