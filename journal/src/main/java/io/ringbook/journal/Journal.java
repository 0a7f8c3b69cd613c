package io.ringbook.journal;

import io.ringbook.journal.codec.JournalFormatException;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The two Chronicle Queues of a data directory: {@code journal/input} (every command, in
 * decision order, preceded by each run's configuration) and {@code journal/output}
 * (every event). Both roll daily. Appenders and tailers are made on the thread that
 * uses them, as Chronicle Queue requires.
 */
public final class Journal implements AutoCloseable {

    /** The system property that turns pre-touching off ({@code false}); on by default. */
    public static final String PRETOUCH_PROPERTY = "ringbook.pretouch";

    private final Path directory;
    private final Durability durability;
    private volatile SingleChronicleQueue input;
    private final boolean readOnly;
    private final TimeProvider clock;
    private volatile SingleChronicleQueue output;
    /** Present under power-loss durability only. */
    private final DeviceSync inputSync;
    /** Started by the first writer that asks for a track, unless pre-touching is off. */
    private PageToucher toucher;

    private Journal(Path directory, Durability durability, boolean readOnly, TimeProvider clock) {
        this.directory = directory;
        this.durability = durability;
        this.readOnly = readOnly;
        this.clock = clock;
        this.input = open(directory.resolve("input"), readOnly, clock);
        this.output = open(directory.resolve("output"), readOnly, clock);
        this.inputSync = durability == Durability.POWER_LOSS ? new DeviceSync() : null;
    }

    /** Opens (creating if needed) the journal under {@code dataDir/journal}. */
    public static Journal open(Path dataDir, Durability durability) {
        return new Journal(dataDir.resolve("journal"), durability, false, SystemTimeProvider.INSTANCE);
    }

    /** Opens an existing journal for reading only (replay, audits, backtests). */
    public static Journal openReadOnly(Path dataDir) {
        return new Journal(dataDir.resolve("journal"), Durability.PROCESS_CRASH, true, SystemTimeProvider.INSTANCE);
    }

    /** Opens with the clock that decides which daily cycle file a write goes to: for tests of retention across days. */
    static Journal open(Path dataDir, Durability durability, TimeProvider cycleClock) {
        return new Journal(dataDir.resolve("journal"), durability, false, cycleClock);
    }

    /** The day (epoch day, UTC) of the cycle file an excerpt's queue index is in. */
    public static long dayOf(long index) {
        return RollCycles.FAST_DAILY.toCycle(index);
    }

    public Path directory() {
        return directory;
    }

    public Durability durability() {
        return durability;
    }

    public ChronicleQueue input() {
        return input;
    }

    public ChronicleQueue output() {
        return output;
    }

    /** The daily cycle of the input queue's newest file (Integer.MIN_VALUE if it has none). */
    int inputLastCycle() {
        return input.lastCycle();
    }

    /**
     * Cuts the output journal after the events of command {@code lastSequence}, for
     * recovery only (no appender or tailer of the output queue may be open): the queue
     * is moved aside whole, to {@code output-beyond-<lastSequence>} next to it (numbered
     * if taken), and a new one gets its excerpts through {@code lastSequence}.
     *
     * @return where the old output journal now is
     */
    Path cutOutputAfter(long lastSequence) throws IOException {
        Path current = directory.resolve("output");
        Path aside = directory.resolve("output-beyond-" + lastSequence);
        for (int n = 2; Files.exists(aside); n++) {
            aside = directory.resolve("output-beyond-" + lastSequence + "-" + n);
        }
        output.close();
        Files.move(current, aside);
        output = open(current, readOnly, clock);
        try (SingleChronicleQueue old = open(aside, true, clock);
             ExcerptAppender appender = output.createAppender()) {
            Excerpts.read(old, "output journal", -1, (bytes, length, index, view) ->
                    Excerpts.appendKept(appender, view, sequence -> sequence <= lastSequence));
        }
        return aside;
    }

    /**
     * If the last excerpt of the input ({@code input} true) or output queue fails its
     * checks (torn: its pages did not all reach the disk), cuts it off, for recovery only
     * (no appender or tailer of the queue may be open): the queue is moved aside whole, to
     * {@code <queue>-torn-<index in hex>} next to it, and a new one gets every excerpt
     * before the torn one. An earlier excerpt that fails too is damage before the tail: the
     * queue is put back as it was and the failure thrown.
     *
     * @return a sentence saying what was cut and where the damaged queue is, or null if the tail is sound
     */
    String cutTornTail(boolean inputQueue) throws IOException {
        String name = inputQueue ? "input journal" : "output journal";
        long torn = tornTailIndex(inputQueue ? input : output, name);
        if (torn < 0) {
            return null;
        }
        String queueName = inputQueue ? "input" : "output";
        Path current = directory.resolve(queueName);
        Path aside = directory.resolve(queueName + "-torn-" + Long.toHexString(torn));
        for (int n = 2; Files.exists(aside); n++) {
            aside = directory.resolve(queueName + "-torn-" + Long.toHexString(torn) + "-" + n);
        }
        (inputQueue ? input : output).close();
        Files.move(current, aside);
        SingleChronicleQueue healed = open(current, readOnly, clock);
        try (SingleChronicleQueue old = open(aside, true, clock);
             ExcerptAppender appender = healed.createAppender();
             ExcerptTailer tailer = old.createTailer()) {
            ExcerptView view = new ExcerptView();
            while (true) {
                try (DocumentContext document = tailer.readingDocument()) {
                    if (!document.isPresent() || document.index() == torn) {
                        break;
                    }
                    view.load(document, name);
                }
                Excerpts.append(appender, view.bytes(), view.length());
            }
        } catch (RuntimeException damagedBefore) {
            healed.close();
            deleteTree(current);
            Files.move(aside, current);
            healed = open(current, readOnly, clock);
            replace(inputQueue, healed);
            throw damagedBefore;
        }
        replace(inputQueue, healed);
        return "the " + name + "'s last excerpt (index " + Long.toHexString(torn) + ") was torn: cut off, the damaged queue"
                + " kept whole in " + aside;
    }

    private void replace(boolean inputQueue, SingleChronicleQueue queue) {
        if (inputQueue) {
            input = queue;
        } else {
            output = queue;
        }
    }

    /** The index of the queue's last excerpt if it fails its checks, else -1. */
    private static long tornTailIndex(ChronicleQueue queue, String name) {
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            try (DocumentContext document = tailer.readingDocument()) {
                if (!document.isPresent()) {
                    return -1;
                }
                try {
                    new ExcerptView().load(document, name);
                    return -1;
                } catch (JournalFormatException torn) {
                    return document.index();
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Writes the input queue's two newest cycle files (the one being appended to, and the
     * one before it in case the day rolled just now) and its directory to the device;
     * safe from any thread. A snapshot is taken only after its command is journaled, so
     * calling this before writing the snapshot makes the journal through it durable first.
     */
    void forceInputToDevice() throws IOException {
        Path queue = directory.resolve("input");
        List<Path> newest;
        try (Stream<Path> files = Files.list(queue)) {
            newest = files.filter(file -> file.getFileName().toString().endsWith(SingleChronicleQueue.SUFFIX))
                    .sorted(Comparator.reverseOrder()).limit(2).toList();
        }
        for (Path cycle : newest) {
            Fsync.file(cycle);
        }
        Fsync.directory(queue);
    }

    /**
     * Makes what {@code appender} wrote to the input queue durable as this journal's
     * {@link Durability} promises: under power-loss, returns only once it is on the device
     * (fdatasync); under process-crash it is already in the page cache and nothing is done.
     * Call before deciding any command of what was appended.
     */
    void syncInput(ExcerptAppender appender) {
        if (inputSync != null) {
            inputSync.sync(appender);
        }
    }

    /**
     * Where a writer of the input ({@code inputQueue}) or output queue reports its appends,
     * so that the pages ahead of it are touched before it gets there ({@link PageToucher});
     * the toucher's thread starts with the first track. Not for the input queue under
     * power-loss durability: a touched page is a dirty page, which each batch's
     * {@code fdatasync} would then write out too, and that flush costs far more than the
     * fault. With {@code -D}{@value #PRETOUCH_PROPERTY}{@code =false} (to measure what it
     * saves) nothing is touched.
     */
    synchronized PageToucher.Track pretouchTrack(boolean inputQueue) {
        if (readOnly || (inputQueue && inputSync != null) || !Boolean.parseBoolean(System.getProperty(PRETOUCH_PROPERTY, "true"))) {
            return PageToucher.Track.NONE;
        }
        if (toucher == null) {
            toucher = new PageToucher();
        }
        return toucher.track();
    }

    /** Pages the toucher has touched ahead of the writers so far. */
    synchronized long pagesPretouched() {
        return toucher == null ? 0 : toucher.pagesTouched();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (toucher != null) {
                toucher.close();
            }
        }
        if (inputSync != null) {
            inputSync.close();
        }
        input.close();
        output.close();
    }

    /** A queue of the journal's kind (daily cycles) for scratch use, written with the system clock. */
    static SingleChronicleQueue openQueue(Path path) {
        return open(path, false, SystemTimeProvider.INSTANCE);
    }

    private static SingleChronicleQueue open(Path path, boolean readOnly, TimeProvider clock) {
        return ChronicleQueue.singleBuilder(path)
                .rollCycle(RollCycles.FAST_DAILY)
                .timeProvider(clock)
                .readOnly(readOnly)
                .build();
    }
}
