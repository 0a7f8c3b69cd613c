package io.ringbook.journal;

import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.state.StateBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotRecoveryTest {

    @TempDir
    Path data;

    @Test
    void shouldRecoverFromTheNewestSnapshotPlusTheTailToTheStateOfAFullReplay() throws Exception {
        long snapshotSequence;
        try (JournaledEngine engine = new JournaledEngine(data, true, 0)) {
            engine.run(31, 6_000);
            snapshotSequence = engine.snapshot();
            engine.run(32, 4_000);
        }
        try (JournaledEngine recovered = new JournaledEngine(data, true, 0)) {
            assertEquals(snapshotSequence, recovered.recovered.snapshotSequence());
            assertEquals(recovered.recovered.lastSequence() - snapshotSequence, recovered.recovered.commandsReplayed(),
                    "only the tail after the snapshot is replayed");
            BusinessLogic full = InputReplay.run(recovered.journal,
                    d -> JournaledEngine.newLogic(d, new ListenerSink(e -> { }))).logic();
            assertEquals(state(full), state(recovered.recovered.logic()), "snapshot + tail equals the full replay, byte for byte");
            recovered.run(33, 2_000);
        }
        assertNull(ReplayVerifier.verify(data, JournaledEngine::newLogic).firstDifference(), "replaying snapshot commands writes no file and changes nothing");
    }

    @Test
    void shouldNotUseASnapshotNewerThanTheJournaledOutput() throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true, 0)) {
            engine.run(34, 1_000);
            engine.snapshot();
        }
        try (JournaledEngine outputLost = new JournaledEngine(data, false, 0)) {
            outputLost.run(35, 1_000);
            outputLost.snapshot();
        }
        try (JournaledEngine recovered = new JournaledEngine(data, true, 0)) {
            assertTrue(recovered.recovered.snapshotSequence() < recovered.recovered.lastSequence() - 1_000,
                    "the second snapshot's outputs were never journaled, so the first one is used");
            assertTrue(recovered.recovered.eventsRejournaled() > 1_000);
        }
        assertNull(ReplayVerifier.verify(data, JournaledEngine::newLogic).firstDifference());
    }

    private static String state(BusinessLogic logic) {
        StateBuffer buffer = new StateBuffer(1 << 16);
        logic.writeState(buffer);
        return java.util.HexFormat.of().formatHex(buffer.array(), 0, buffer.length());
    }
}
