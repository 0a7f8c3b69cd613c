package io.ringbook.perf;

import net.openhft.posix.PosixAPI;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a journal byte costs at least on this machine before anything is written into it:
 * the first touch of each new 4 KiB page of a mapped file, which every append-only
 * mapped journal (Chronicle Queue's cycle files) pays once per page, on the writer's thread
 * or the pre-toucher's. It maps a new file in the given directory (the journal's: tmpfs or
 * a disk) and times, on one thread, in CPU and wall time a page:
 * <ul>
 *   <li>{@code fault}: a write to each page, each taking its own page fault (an append
 *   with no pre-toucher);</li>
 *   <li>{@code populate} and {@code access}: on a second new file,
 *   {@code madvise(MADV_POPULATE_WRITE)} over 16 pages at a time (the kernel makes and maps
 *   them), then a compare-and-set of 0 to 0 on each page (its first access), what the
 *   journal's pre-toucher does, the two timed apart;</li>
 *   <li>{@code again}: a write to each page of the first file once more (the page present
 *   and mapped: the control).</li>
 * </ul>
 * {@code java -cp perf/target/benchmarks.jar io.ringbook.perf.PageFloor DIR [MiB]}
 */
public final class PageFloor {

    private static final int PAGE = 4096;
    private static final int MADV_POPULATE_WRITE = 23;
    private static final int SLICE = 16 * PAGE;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PageFloor() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: PageFloor DIR [MiB]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long bytes = (args.length > 1 ? Long.parseLong(args[1]) : 256) << 20;
        Path first = Files.createTempFile(dir, "ringbook-pagefloor", ".bin");
        Path second = Files.createTempFile(dir, "ringbook-pagefloor", ".bin");
        try (FileChannel faulted = FileChannel.open(first, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileChannel populated = FileChannel.open(second, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            UnsafeBuffer faultedPages = new UnsafeBuffer(faulted.map(FileChannel.MapMode.READ_WRITE, 0, bytes));
            UnsafeBuffer populatedPages = new UnsafeBuffer(populated.map(FileChannel.MapMode.READ_WRITE, 0, bytes));
            print("fault", bytes, () -> touch(faultedPages));
            print("populate", bytes, () -> populate(populatedPages));
            print("access", bytes, () -> access(populatedPages));
            print("again", bytes, () -> touch(faultedPages));
        } finally {
            Files.deleteIfExists(first);
            Files.deleteIfExists(second);
        }
    }

    private static void touch(UnsafeBuffer pages) {
        for (int at = 0; at < pages.capacity(); at += PAGE) {
            pages.putByte(at, (byte) 1);
        }
    }

    private static void populate(UnsafeBuffer pages) {
        PosixAPI posix = PosixAPI.posix();
        for (int at = 0; at < pages.capacity(); at += SLICE) {
            if (posix.madvise(pages.addressOffset() + at, SLICE, MADV_POPULATE_WRITE) != 0) {
                throw new IllegalStateException("madvise(MADV_POPULATE_WRITE) refused: errno " + posix.lastError());
            }
        }
    }

    private static void access(UnsafeBuffer pages) {
        for (int at = 0; at < pages.capacity(); at += PAGE) {
            pages.compareAndSetInt(at, 0, 0);
        }
    }

    private static void print(String what, long bytes, Runnable pass) {
        long pages = bytes / PAGE;
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        pass.run();
        double cpuPerPage = (double) (THREADS.getCurrentThreadCpuTime() - cpu) / pages;
        double wallPerPage = (double) (System.nanoTime() - wall) / pages;
        System.out.printf("%-8s %,8.0f ns CPU a page (%.2f a byte), %,8.0f ns wall, over %,d pages%n",
                what, cpuPerPage, cpuPerPage / PAGE, wallPerPage, pages);
    }
}
