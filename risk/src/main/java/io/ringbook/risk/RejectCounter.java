package io.ringbook.risk;

import io.ringbook.engine.state.StateBuffer;

/**
 * The times of one account's last {@code n} rejects, in a ring, so "n rejects within the
 * window" is one comparison: the ring is full and its oldest entry is inside the window.
 * Exact, O(1), and allocated once at start.
 */
final class RejectCounter {

    private final long[] times;
    private int next;
    private int count;

    RejectCounter(int n) {
        this.times = new long[n];
    }

    /** Records a reject at {@code now}; true if it makes n rejects within {@code windowNanos}. */
    boolean reject(long now, long windowNanos) {
        if (times.length == 0) {
            return false;
        }
        times[next] = now;
        next = next + 1 == times.length ? 0 : next + 1;
        if (count < times.length) {
            count++;
        }
        return count == times.length && times[next] > now - windowNanos;
    }

    /** Forgets the rejects so far (the breaker they tripped starts a fresh count). */
    void clear() {
        count = 0;
    }

    void writeTo(StateBuffer out) {
        out.putInt(next);
        out.putInt(count);
        for (long time : times) {
            out.putLong(time);
        }
    }

    void readFrom(StateBuffer in) {
        next = in.getInt();
        count = in.getInt();
        for (int i = 0; i < times.length; i++) {
            times[i] = in.getLong();
        }
    }
}
