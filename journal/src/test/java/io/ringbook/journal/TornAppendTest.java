package io.ringbook.journal;

import net.openhft.chronicle.queue.ExcerptAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An append that fails part-way (here: its source runs out after the excerpt was begun,
 * as a mapped write fails on a full disk) must leave no excerpt behind: Chronicle's
 * {@code DocumentContext.close()} commits whatever was written, and a torn or empty
 * excerpt in the input journal makes every later start refuse.
 */
class TornAppendTest {

    @TempDir
    Path data;

    @Test
    void aWriteFailingPartWayCommitsNothingAndTheNextAppendIsWhole() {
        byte[] whole = wholeBatch();
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH);
             ExcerptAppender appender = journal.input().createAppender()) {
            assertThrows(RuntimeException.class, () -> Excerpts.append(appender, new byte[8], whole.length));
            Excerpts.append(appender, whole, whole.length);
        }
        List<Integer> lengths = new ArrayList<>();
        try (Journal journal = Journal.openReadOnly(data)) {
            Excerpts.read(journal.input(), "input journal", -1, (bytes, length, index, view) -> lengths.add(length));
        }
        assertEquals(List.of(whole.length), lengths, "only the whole excerpt, and it reads back verified");
    }

    /** A real, verified excerpt: a CONFIG record journaled elsewhere. */
    private byte[] wholeBatch() {
        Path scratch = data.resolve("scratch");
        byte[][] copy = new byte[1][];
        try (Journal journal = Journal.open(scratch, Durability.PROCESS_CRASH)) {
            new InputJournal(journal).recordConfiguration(JournaledEngine.DEMO, 0, 1);
            Excerpts.read(journal.input(), "input journal", -1, (bytes, length, index, view) ->
                    copy[0] = java.util.Arrays.copyOf(bytes, length));
        }
        return copy[0];
    }
}
