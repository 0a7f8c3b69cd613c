package io.ringbook.views.orders;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of longs appended in fixed chunks of {@value #CHUNK} (256 KiB: no humongous
 * allocation, no copy on growth), read back once in order: where the outbound thread
 * copies the kept orders' fields for a read-model snapshot that another thread writes out.
 */
final class LongChunks {

    static final int CHUNK = 1 << 15;

    private final List<long[]> chunks = new ArrayList<>();
    private long[] last;
    private int used = CHUNK;
    private long read;

    void add(long value) {
        if (used == CHUNK) {
            last = new long[CHUNK];
            chunks.add(last);
            used = 0;
        }
        last[used++] = value;
    }

    /** The next long not yet read, in the order added. */
    long next() {
        long value = chunks.get((int) (read / CHUNK))[(int) (read % CHUNK)];
        read++;
        return value;
    }
}
