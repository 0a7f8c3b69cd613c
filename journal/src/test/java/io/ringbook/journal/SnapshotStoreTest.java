package io.ringbook.journal;

import io.ringbook.engine.state.StateBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotStoreTest {

    @TempDir
    Path data;

    @Test
    void shouldListNewestFirstLoadExactlyAndPruneTheOldest() throws IOException {
        SnapshotStore store = new SnapshotStore(data);
        for (long sequence : new long[] {5, 40, 12, 300}) {
            byte[] state = ("state at " + sequence).getBytes();
            store.write(sequence, sequence * 1_000, null, state, state.length);
        }
        Files.writeString(store.directory().resolve("notes.txt"), "not a snapshot");
        assertEquals(List.of(300L, 40L, 12L, 5L), store.newestFirst().stream().map(SnapshotStore.Snapshot::sequence).toList());
        StateBuffer loaded = store.load(store.newestFirst().get(1)).state();
        byte[] bytes = new byte["state at 40".length()];
        loaded.getBytes(bytes, 0, bytes.length);
        assertArrayEquals("state at 40".getBytes(), bytes);
        assertFalse(loaded.hasRemaining());
        store.prune(2);
        assertEquals(List.of(300L, 40L), store.newestFirst().stream().map(SnapshotStore.Snapshot::sequence).toList());
    }

    /**
     * A state too large for a snapshot file is refused as it passes the file's limit, not
     * after all of it is written, and leaves no file behind; one that fits is written whole.
     */
    @Test
    void shouldRefuseAStateTooLargeForItsFileBeforeWritingItAllAndKeepNothingOfIt() throws IOException {
        long limit = 3L * SnapshotStore.PIECE_BYTES;
        SnapshotStore store = new SnapshotStore(data, limit);
        long[] putBeforeRefusal = new long[1];
        IOException refused = assertThrows(IOException.class, () -> store.write(9, 0, null, out -> {
            for (int i = 0; i < 100 * SnapshotStore.PIECE_BYTES / Long.BYTES; i++) { // 100 MiB unless stopped
                out.putLong(i);
                putBeforeRefusal[0] += Long.BYTES;
            }
        }));
        assertTrue(refused.getMessage().contains("refused before they are written"), refused.getMessage());
        assertTrue(putBeforeRefusal[0] <= limit + SnapshotStore.PIECE_BYTES, putBeforeRefusal[0] + " bytes put");
        try (java.util.stream.Stream<Path> left = Files.list(store.directory())) {
            assertEquals(List.of(), left.toList(), "neither the snapshot nor its temporary file");
        }
        byte[] fits = new byte[(int) limit - 40];
        store.write(10, 0, null, fits, fits.length);
        assertEquals(limit, Files.size(store.newestFirst().get(0).file()));
        assertEquals(fits.length, store.load(store.newestFirst().get(0)).state().length());
    }

    @Test
    void shouldRefuseACutShortOrForeignFile() throws IOException {
        SnapshotStore store = new SnapshotStore(data);
        byte[] state = new byte[100];
        Path file = store.write(7, 0, null, state, state.length);
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 90));
        IOException cut = assertThrows(IOException.class, () -> store.load(store.newestFirst().get(0)));
        assertTrue(cut.getMessage().contains("cut short"), cut.getMessage());
        Files.writeString(file, "hello, this is not a snapshot at all............");
        IOException foreign = assertThrows(IOException.class, () -> store.load(store.newestFirst().get(0)));
        assertTrue(foreign.getMessage().contains("not a Ringbook snapshot"), foreign.getMessage());
    }
}
