package io.ringbook.journal;

import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    Path data;

    @Test
    void pagesAheadOfTheWriterAreTouchedAndEveryAppendReadsBackWhole() throws Exception {
        writeTouchAndReadBack(data);
    }

    /** On tmpfs, where {@code fallocate} makes the pages themselves: the same guarantees. */
    @Test
    void onTmpfsPagesAheadAreAllocatedAndEveryAppendReadsBackWhole() throws Exception {
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
        Path self = Path.of("/proc/thread-self/stat");
        Assumptions.assumeTrue(Files.isReadable(self), "no /proc/thread-self: page faults cannot be counted here");
        int events = 100_000;
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH)) {
            OutputJournal output = new OutputJournal(journal);
            EngineEvent event = new EngineEvent();
            output.onEvent(event(event, 1));
            output.onEndOfBatch();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (journal.pagesPretouched() < 256 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long faultsBefore = minorFaults(self);
            for (int n = 2; n <= events; n++) {
                output.onEvent(event(event, n));
                if (n % 50 == 0) {
                    output.onEndOfBatch();
                    Thread.sleep(0, 200_000);
                }
            }
            output.onEndOfBatch();
            long faults = minorFaults(self) - faultsBefore;
            long pagesWritten = excerptBytes(journal) / PageToucher.PAGE;
            assertTrue(pagesWritten > 500, "too few pages written to tell: " + pagesWritten);
            assertTrue(faults < pagesWritten / 10, "the writer took " + faults + " page faults writing " + pagesWritten + " pages");
        }
    }

    /** The calling thread's minor page faults so far: the tenth field of its stat line. */
    private static long minorFaults(Path self) throws Exception {
        String stat = Files.readString(self);
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
            OutputJournal output = new OutputJournal(journal);
            EngineEvent event = new EngineEvent();
            for (int n = 1; n <= events; n++) {
                output.onEvent(event(event, n));
                if (n % 50 == 0) {
                    output.onEndOfBatch();
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (journal.pagesPretouched() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(journal.pagesPretouched() > 0, "no page was touched ahead of the writer");
        }
        long[] seen = {0};
        try (Journal journal = Journal.openReadOnly(data)) {
            OutputEvents.replay(journal, List.<EngineListener>of(e -> {
                seen[0]++;
                assertEquals(seen[0], e.sequence);
                assertEquals(seen[0] * 3, e.price, "event " + seen[0]);
            }));
        }
        assertEquals(events, seen[0]);
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
