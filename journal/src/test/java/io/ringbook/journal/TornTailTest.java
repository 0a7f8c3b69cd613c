package io.ringbook.journal;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.ringbook.engine.testing.FileBytes.lastIndexOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A torn last excerpt (its bytes from some offset on never reached the disk) is cut off by
 * recovery, in the input journal (its commands were never decided, so never answered)
 * and in the output journal (regenerated from the input): for every byte offset of the
 * last excerpt, recovery keeps every command before it and replay is byte for byte.
 */
class TornTailTest {

    private static final byte[] MAGIC = {'R', 'B', 'J', '1'};

    @TempDir
    Path dir;

    @Test
    void aTornLastInputExcerptIsCutAtEveryOffset() throws Exception {
        tearEveryOffset("input");
    }

    @Test
    void aTornLastOutputExcerptIsRegeneratedAtEveryOffset() throws Exception {
        tearEveryOffset("output");
    }

    private void tearEveryOffset(String queue) throws Exception {
        Path pristine = dir.resolve("pristine");
        long lastCommand;
        try (JournaledEngine engine = new JournaledEngine(pristine, true, 0)) {
            engine.run(7, 300);
            lastCommand = engine.pipeline.publisher().submit(slot ->
                    slot.newOrder(1, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 90, 3)).get(5, TimeUnit.SECONDS).get(0).sequence;
        }
        Path file = queueFile(pristine.resolve("journal/" + queue));
        long payload = lastIndexOf(file, MAGIC);
        int length = excerptLength(file, payload - 4);
        boolean input = queue.equals("input");
        long keptAtLeast = input ? lastCommand - 1 : lastCommand;
        long prefix = Math.max(lastIndexOf(queueFile(pristine.resolve("journal/input")), MAGIC),
                lastIndexOf(queueFile(pristine.resolve("journal/output")), MAGIC)) + 65536;
        int cuts = 0;
        int torn = 0;
        for (int offset = 0; offset < length; offset++) {
            Path data = dir.resolve("torn-" + offset);
            copy(pristine, data, prefix);
            if (zero(queueFile(data.resolve("journal/" + queue)), payload + offset, payload + length)) {
                torn++;
            }
            try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH)) {
                Recovery.Outcome outcome = Recovery.recover(journal, new SnapshotStore(data), JournaledEngine.DEMO,
                        JournaledEngine::newLogic);
                assertTrue(outcome.lastSequence() >= keptAtLeast, "offset " + offset + ": recovered to " + outcome.lastSequence());
                cuts += outcome.tornTailsCut().size();
            }
            ReplayVerifier.Report replay = ReplayVerifier.verify(data, JournaledEngine::newLogic);
            assertTrue(replay.identical(), "offset " + offset + ": " + replay.firstDifference());
            deleteTree(data);
        }
        assertTrue(torn > length / 2, torn + " of " + length);
        assertEquals(torn, cuts, "every tear that changed a byte was found and cut");
    }

    /** The payload length in Chronicle's 4-byte excerpt header (low 30 bits). */
    private static int excerptLength(Path file, long header) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(bytes, header);
            return bytes.getInt(0) & 0x3FFFFFFF;
        }
    }

    /** Copies a data directory, only the first {@code prefix} bytes of each queue file (the rest is unwritten, sparse). */
    private static void copy(Path from, Path to, long prefix) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.toString().endsWith(".cq4")) {
                    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                         FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                        in.transferTo(0, Math.min(prefix, in.size()), out);
                    }
                    try (RandomAccessFile raf = new RandomAccessFile(target.toFile(), "rw")) {
                        raf.setLength(Files.size(source));
                    }
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** Zeroes the bytes from {@code from} to {@code to} (as if never written); whether any was not zero. */
    private static boolean zero(Path file, long from, long to) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] was = new byte[(int) (to - from)];
            raf.seek(from);
            raf.readFully(was);
            raf.seek(from);
            raf.write(new byte[was.length]);
            for (byte b : was) {
                if (b != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Path queueFile(Path queueDir) throws IOException {
        return DamagedJournalTest.queueFile(queueDir);
    }
}
