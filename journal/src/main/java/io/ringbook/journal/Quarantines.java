package io.ringbook.journal;

import io.ringbook.journal.codec.QuarantineCodec;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;

import java.util.Arrays;

/**
 * The commands of an input journal that operators quarantined (QUARANTINE records,
 * written by {@code ringbook journal quarantine} after the logic failed on them): a
 * record follows the command it names, so the whole journal is read for them before a
 * replay begins. Sequences are held sorted, without boxing; there are seldom any.
 */
public final class Quarantines {

    private static final Quarantines NONE = new Quarantines(new long[0]);

    private final long[] sequences;

    private Quarantines(long[] sequences) {
        this.sequences = sequences;
    }

    /** Reads the input journal for QUARANTINE records. */
    public static Quarantines of(Journal journal) {
        long[] found = new long[4];
        int count = 0;
        try (JournalCursor cursor = new JournalCursor(journal.input(), "input journal")) {
            while (cursor.next()) {
                if (RecordHeader.type(cursor.buffer(), cursor.offset()) == RecordType.QUARANTINE) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = QuarantineCodec.quarantined(cursor.buffer(), cursor.offset());
                }
            }
        }
        if (count == 0) {
            return NONE;
        }
        long[] sorted = Arrays.copyOf(found, count);
        Arrays.sort(sorted);
        return new Quarantines(sorted);
    }

    public boolean contains(long sequence) {
        return sequences.length > 0 && Arrays.binarySearch(sequences, sequence) >= 0;
    }

    public int size() {
        return sequences.length;
    }
}
