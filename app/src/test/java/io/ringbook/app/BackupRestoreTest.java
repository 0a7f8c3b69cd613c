package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.engine.book.BookSide;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import io.ringbook.journal.InputReplay;
import io.ringbook.journal.Journal;
import io.ringbook.journal.backup.Backup;
import io.ringbook.journal.backup.BackupVerifier;
import io.ringbook.journal.backup.Manifest;
import io.ringbook.journal.backup.Restore;
import io.ringbook.engine.testing.BackupDirs;
import io.ringbook.engine.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Losing the disk and getting back to a moment of the day: online incremental backups
 * of a running engine, a corrupted backup refused with its file named, and a restore to
 * the middle of the run that starts with exactly the book and positions the original had
 * at that sequence.
 */
@ExtendWith(BackupDirs.PerTest.class)
class BackupRestoreTest {

    private static final PipelineConfig NO_TICKS = PipelineConfig.DEFAULTS.withClockTickMillis(0);

    @Test
    void backUpOnlineTwiceVerifyRefuseACorruptCopyAndRestoreToTheMiddle(BackupDirs dirs) throws Exception {
        Path data = dirs.data();
        Path backup = dirs.backup();
        Backup.Result first;
        Backup.Result second;
        try (RunningEngine engine = RunningEngine.startDemo(data, false, NO_TICKS, Durability.PROCESS_CRASH, Ports.any())) {
            trade(engine.pipeline().publisher(), 0, 300);
            first = Backup.run(data, backup, false, "test");
            engine.snapshotNow().get(5, TimeUnit.SECONDS);
            trade(engine.pipeline().publisher(), 300, 300);
            waitForSnapshotFile(data);
            second = Backup.run(data, backup, true, "test");
        }
        assertEquals(2, first.segments());
        assertEquals(2, second.segments(), "the second run copies only what is new, into new segments");
        Manifest manifest = Manifest.read(backup);
        List<Map<String, String>> input = manifest.segments("input");
        assertEquals(Long.parseLong(input.get(0).get("lastSequence")) + 1, Long.parseLong(input.get(1).get("firstSequence")));
        assertTrue(input.get(1).get("file").endsWith(".gz"));
        assertEquals(1, manifest.snapshots().size());
        assertTrue(BackupVerifier.verify(backup).problems().isEmpty(), BackupVerifier.verify(backup).problems().toString());

        Path corrupt = dirs.beside("corrupt");
        copyTree(backup, corrupt);
        Path victim = corrupt.resolve(input.get(0).get("file"));
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(victim, bytes);
        List<String> problems = BackupVerifier.verify(corrupt).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(input.get(0).get("file")), problems.get(0));
        assertThrows(java.io.IOException.class, () -> Restore.run(corrupt, dirs.beside("from-corrupt"), Long.MAX_VALUE, Long.MAX_VALUE));

        long middle = Long.parseLong(input.get(1).get("firstSequence")) + 101;
        Path restored = dirs.beside("restored");
        Restore.Result result = Restore.run(backup, restored, middle, Long.MAX_VALUE);
        assertEquals(middle, result.lastSequence());
        assertThrows(java.io.IOException.class, () -> Restore.run(backup, restored, middle, Long.MAX_VALUE), "never over a non-empty directory");

        BusinessLogic expected;
        try (Journal original = Journal.openReadOnly(data)) {
            expected = InputReplay.run(original, d -> EngineLogic.replay(1 << 16).apply(d, new io.ringbook.engine.event.ListenerSink(e -> { })),
                    0, middle).logic();
        }
        try (RunningEngine engine = RunningEngine.startDemo(restored, false, NO_TICKS, Durability.PROCESS_CRASH, Ports.any())) {
            assertEquals(middle, engine.recovery().lastSequence());
            Waits.until(Duration.ofSeconds(10), "the restored engine going idle", engine.pipeline()::isIdle);
            BusinessLogic actual = engine.pipeline().logic();
            assertEquals(state(expected), state(actual), "book and positions at sequence " + middle);
            assertTrue(state(actual).size() > 4, "a real book");
        }
    }

    /** Orders from four accounts around a moving price: some rest, some trade. */
    private static void trade(CommandPublisher engine, int from, int count) throws Exception {
        for (int i = from; i < from + count; i++) {
            int account = i % 4;
            Side side = account % 2 == 0 ? Side.BUY : Side.SELL;
            long price = 100 + (i % 7) - (side == Side.BUY ? 3 : 0);
            long lots = 1 + (i % 3);
            engine.submit(c -> c.newOrder(account, 2, side, OrderType.LIMIT, TimeInForce.GTC, price, lots)).get(5, TimeUnit.SECONDS);
        }
    }

    private static List<String> state(BusinessLogic logic) {
        List<String> lines = new ArrayList<>();
        for (Side side : Side.values()) {
            BookSide levels = logic.book(2).side(side);
            for (int depth = 0; depth < levels.levelCount(); depth++) {
                lines.add(side + " " + levels.level(depth).price() + " x " + levels.level(depth).orderCount());
            }
        }
        for (int account = 0; account < 4; account++) {
            lines.add("A" + account + " qty " + logic.positions().qty(account, 2) + " basis " + logic.positions().costBasis(account, 2)
                    + " realized " + logic.positions().realizedPnl(account, 2));
        }
        lines.add("last order " + logic.orders().lastOrderId());
        return lines;
    }

    private static void waitForSnapshotFile(Path data) {
        Waits.until(Duration.ofSeconds(5), "a snapshot file in " + data.resolve("snapshots"), () -> {
            try (Stream<Path> files = Files.exists(data.resolve("snapshots")) ? Files.list(data.resolve("snapshots")) : Stream.empty()) {
                return files.anyMatch(f -> f.toString().endsWith(".rbs"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void copyTree(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
