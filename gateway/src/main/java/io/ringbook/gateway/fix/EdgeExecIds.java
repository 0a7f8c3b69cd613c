package io.ringbook.gateway.fix;

import java.util.concurrent.atomic.AtomicLong;

/**
 * ExecIDs of the reports the gateway writes itself, without an engine event: edge
 * rejects ({@code R}) and order status answers ({@code S}). Each is the kind, the
 * millisecond this gateway started (base 36) and a counter, e.g. {@code S mhx2k9q1-7}
 * without the space: unique across restarts, and never one of the engine's numeric ExecIDs.
 */
final class EdgeExecIds {

    private final String startedAt;
    private final AtomicLong counter = new AtomicLong();

    EdgeExecIds(long startedAtEpochMillis) {
        this.startedAt = Long.toString(startedAtEpochMillis, 36);
    }

    String reject() {
        return next('R');
    }

    String status() {
        return next('S');
    }

    private String next(char kind) {
        return kind + startedAt + "-" + counter.incrementAndGet();
    }
}
