package io.ringbook.journal;

import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pre-toucher touches pages ahead of a real Chronicle Queue's writer while it
 * appends, and never changes what the writer wrote: every event reads back as written.
 */
class PageToucherTest {

    private static final Path SELF = Path.of("/proc/thread-self/stat");
    /** Pages (4 MiB) touched ahead before a test writes; what it then writes stays below that. */
    private static final int AHEAD_PAGES = 1024;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long DAY_ONE = 20_400 * DAY_MILLIS + 3_600_000L;

    @TempDir
    Path data;

    @Test
    void pagesAheadOfTheWriterAreTouchedAndEveryAppendReadsBackWhole() throws Exception {
        writeTouchAndReadBack(data);
    }

    /** On tmpfs, where the pages are the file: the same guarantees. */
    @Test
    void onTmpfsPagesAheadAreTouchedAndEveryAppendReadsBackWhole() throws Exception {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && "tmpfs".equals(Files.getFileStore(shm).type()), "no tmpfs at /dev/shm");
        Path dir = Files.createTempDirectory(shm, "pretouch-test");
        try {
            writeTouchAndReadBack(dir);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The pages are touched through the writer's own mapping, so the writer itself takes
     * (almost) no page fault: a toucher with a mapping of its own left the writer a fault
     * on every new page, as many faults as pages written.
     */
    @Test
    void theWriterTakesNoPageFaultOnPagesTouchedAheadOfIt() throws Exception {
        assumeFaultsCanBeCounted();
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH)) {
            OutputJournal output = new OutputJournal(journal);
            EngineEvent event = new EngineEvent();
            awaitTouchedAhead(journal, output, event, 1);
            assertFewFaultsWhileWriting(journal, output, event, 2, 90_000);
        }
    }

    /** A new day's file is a new mapping: the toucher follows the writer there too, and what was written reads back. */
    @Test
    void afterTheDaysRollTheWriterAgainTakesAlmostNoPageFault() throws Exception {
        assumeFaultsCanBeCounted();
        SetTimeProvider clock = new SetTimeProvider();
        clock.currentTimeMillis(DAY_ONE);
        int events = 120_000;
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH, clock)) {
            OutputJournal output = new OutputJournal(journal);
            EngineEvent event = new EngineEvent();
            awaitTouchedAhead(journal, output, event, 1);
            assertFewFaultsWhileWriting(journal, output, event, 2, events / 2);
            clock.currentTimeMillis(DAY_ONE + DAY_MILLIS);
            // the new day's first append maps its file and takes the faults of its first pages (the toucher's next round is not there yet)
            awaitTouchedAhead(journal, output, event, events / 2 + 1);
            assertFewFaultsWhileWriting(journal, output, event, events / 2 + 2, events);
        }
        try (var files = Files.list(data.resolve("journal").resolve("output"))) {
            assertEquals(2, files.filter(p -> p.toString().endsWith(".cq4")).count(), "the day did not roll");
        }
        assertEquals(events, readBack(data));
    }

    /**
     * Pages the kernel cannot make (here: past the end of a file cut short under its
     * mapping, as a full disk would leave them) are never touched: a touch there is a
     * SIGBUS, which would kill the process. Once the file is whole again, the toucher
     * resumes after its pause.
     */
    @Test
    void pagesTheKernelCannotMakeAreNotTouchedUntilItCanMakeThem() throws Exception {
        File file = data.resolve("cut-short").toFile();
        MappedBytes bytes = MappedBytes.mappedBytes(file, 1 << 20);
        try (PageToucher toucher = new PageToucher(); RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
            bytes.writeLong(42L);
            long length = raf.length();
            raf.setLength(PageToucher.PAGE);
            toucher.track().wrote(bytes);
            Thread.sleep(50);
            assertEquals(0, toucher.pagesTouched(), "pages past the file's end were touched");
            assertEquals(42L, bytes.readLong(0), "the written page changed");
            raf.setLength(length);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (toucher.pagesTouched() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(toucher.pagesTouched() > 0, "the toucher did not resume once the pages could be made");
        } finally {
            bytes.releaseLast();
        }
    }

    private static void assumeFaultsCanBeCounted() {
        Assumptions.assumeTrue(Files.isReadable(SELF), "no /proc/thread-self: page faults cannot be counted here");
        Assumptions.assumeTrue(Boolean.parseBoolean(System.getProperty("ringbook.pretouch", "true")), "pre-touching is off");
    }

    /**
     * Appends event {@code n} and waits until the toucher has touched
     * {@value #AHEAD_PAGES} + {@value PageToucher#PAGES_PER_ROUND} pages more: it touches up
     * to 8 MiB ahead of the writer, and at most one round of those may still have been in
     * the writer's previous file (after a day's roll), so at least {@value #AHEAD_PAGES}
     * pages ahead of the writer are touched, and what a test then writes, less than that,
     * lies on touched pages however late the toucher's thread runs on a loaded machine.
     */
    private static void awaitTouchedAhead(Journal journal, OutputJournal output, EngineEvent event, int n) throws InterruptedException {
        long before = journal.pagesPretouched();
        output.onEvent(event(event, n));
        output.onEndOfBatch();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (journal.pagesPretouched() < before + AHEAD_PAGES + PageToucher.PAGES_PER_ROUND && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Writes events {@code first..last} (on pages touched ahead) and asserts the writer took few faults doing it. */
    private static void assertFewFaultsWhileWriting(Journal journal, OutputJournal output, EngineEvent event, int first, int last)
            throws Exception {
        long bytesBefore = excerptBytes(journal);
        long faultsBefore = minorFaults();
        write(output, event, first, last);
        long faults = minorFaults() - faultsBefore;
        long pagesWritten = (excerptBytes(journal) - bytesBefore) / PageToucher.PAGE;
        assertTrue(pagesWritten > 400, "too few pages written to tell: " + pagesWritten);
        assertTrue(faults < pagesWritten / 10, "the writer took " + faults + " page faults writing " + pagesWritten + " pages");
    }

    /** The calling thread's minor page faults so far: the tenth field of its stat line. */
    private static long minorFaults() throws Exception {
        String stat = Files.readString(SELF);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[7]);
    }

    /** The bytes of the output queue's excerpts, with their 4-byte headers. */
    private static long excerptBytes(Journal journal) {
        long bytes = 0;
        try (ExcerptTailer tailer = journal.output().createTailer()) {
            while (true) {
                try (DocumentContext document = tailer.readingDocument()) {
                    if (!document.isPresent()) {
                        return bytes;
                    }
                    bytes += document.wire().bytes().readRemaining() + 4;
                }
            }
        }
    }

    private static void writeTouchAndReadBack(Path data) throws Exception {
        int events = 200_000;
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH)) {
            write(new OutputJournal(journal), new EngineEvent(), 1, events);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (journal.pagesPretouched() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(journal.pagesPretouched() > 0, "no page was touched ahead of the writer");
        }
        assertEquals(events, readBack(data));
    }

    /** Journals events {@code first..last}, in batches of 50 as the outbound ring would hand them over. */
    private static void write(OutputJournal output, EngineEvent event, int first, int last) {
        for (int n = first; n <= last; n++) {
            output.onEvent(event(event, n));
            if (n % 50 == 0) {
                output.onEndOfBatch();
            }
        }
        output.onEndOfBatch();
    }

    /** Reads the output journal back, checking each event is the one written; returns how many there were. */
    private static long readBack(Path data) {
        long[] seen = {0};
        try (Journal journal = Journal.openReadOnly(data)) {
            OutputEvents.replay(journal, List.<EngineListener>of(e -> {
                seen[0]++;
                assertEquals(seen[0], e.sequence);
                assertEquals(seen[0] * 3, e.price, "event " + seen[0]);
            }));
        }
        return seen[0];
    }

    private static EngineEvent event(EngineEvent e, long n) {
        e.clear();
        e.type = EventType.ORDER_ACCEPTED;
        e.sequence = n;
        e.eventTimeNanos = 1_764_460_800_000_000_000L + n * 1_000;
        e.lastOfCommand = true;
        e.orderId = n;
        e.accountId = (int) (n % 7);
        e.symbolId = 0;
        e.side = Side.BUY;
        e.status = OrderStatus.NEW;
        e.price = n * 3;
        e.qty = 10;
        return e;
    }
}
