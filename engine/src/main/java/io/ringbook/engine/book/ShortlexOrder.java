package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;

/**
 * The one order of clOrdIds that a day index's ceilings ({@link IdCeilings}) and runs
 * ({@link IdRuns}) share: by length, then by characters (so {@code c9} comes before
 * {@code c10}, as their numbers do). A run is ascending, and binary-searched, only because
 * the ids that raise a ceiling are compared in the same order as the search compares them.
 */
final class ShortlexOrder {

    private ShortlexOrder() {
    }

    /**
     * An id held as {@code length} and its packed words (as {@link ClOrdId#word}, first
     * character in the lowest byte) from {@code words[at]}, against {@code id}: negative,
     * zero or positive as the held one is less, equal or greater.
     */
    static int compare(int length, long[] words, int at, ClOrdId id) {
        if (length != id.length()) {
            return Integer.compare(length, id.length());
        }
        int used = (length + 7) >>> 3;
        for (int i = 0; i < used; i++) {
            long word = words[at + i];
            long other = id.word(i);
            if (word != other) {
                return Long.compareUnsigned(Long.reverseBytes(word), Long.reverseBytes(other));
            }
        }
        return 0;
    }
}
