package io.ringbook.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output journal must never run past the input: events of commands the input
 * journal does not hold are phantoms, and the next commands would reuse their sequences.
 * A power cut that kept the output's pages and lost the input's leaves exactly that.
 */
class OutputPastInputTest {

    @TempDir
    Path dir;

    @Test
    void recoveryCutsTheOutputJournalAtTheInputsEndAndKeepsTheRestAside() throws Exception {
        Path original = dir.resolve("original");
        Path cut = dir.resolve("cut");
        try (JournaledEngine engine = new JournaledEngine(original, true, 0)) {
            engine.run(41, 1_000);
        }
        LostPages.inputLostAfter(original, cut, 600);
        try (Journal before = Journal.openReadOnly(cut)) {
            long outputBefore = JournalCursor.lastSequence(before.output(), "output journal");
            assertTrue(outputBefore > 600, "the output runs past the input: " + outputBefore);
        }
        try (JournaledEngine recovered = new JournaledEngine(cut, true, 0)) {
            assertEquals(600, recovered.recovered.lastSequence());
            assertTrue(recovered.recovered.outputSetAside().contains("600"), recovered.recovered.outputSetAside());
            recovered.run(42, 300);
        }
        assertNull(ReplayVerifier.verify(cut, JournaledEngine::newLogic).firstDifference(),
                "the new commands' outcomes follow the input's, with no phantom in between");
        try (Stream<Path> aside = Files.list(cut.resolve("journal"))) {
            assertEquals(1, aside.filter(p -> p.getFileName().toString().startsWith("output-beyond-600")).count(),
                    "the events past the input are kept aside for the operator");
        }
    }
}
