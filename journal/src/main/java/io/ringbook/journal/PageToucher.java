package io.ringbook.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.posix.PosixAPI;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Touches the pages of the journal's mapped cycle files ahead of where their writers
 * append, from a thread of its own, so that an append (the input journal's is on the
 * decision thread) does not take the first-touch page fault of a new page: allocating
 * the file's block and zeroing the page happen here instead, and the writer's own
 * mapping only has to map a page that is already in the page cache. Chronicle Queue's
 * open-source build has no pretoucher.
 *
 * <p>On tmpfs ({@code /dev/shm}) a touch is an {@code fallocate} of the pages ahead, keeping
 * the file's size: the file system allocates and zeroes the pages in one call, with no
 * page fault and no mapping of the toucher's own (about 0.4 us a page on this VM, against
 * 2 us for touching each page through a mapping, which is also what a writer's own fault
 * costs). Elsewhere (ext4, where {@code fallocate} only reserves blocks and leaves the
 * writer to create each page) the pages ahead are first given their blocks by one
 * {@code fallocate} (a hole's first write fault costs 4-8.6 us a page on this VM's ext4,
 * one in an allocated extent 0.8-0.9 us), then each is touched by a compare-and-set of an
 * int from 0 to 0 at the start of each 4 KiB page, through a mapping of its own of the
 * same file (the same page cache); where {@code fallocate} is refused, the touch alone.
 * Neither ever changes a byte a writer wrote, whoever comes first. Each
 * writer reports where it ended after every append ({@link Track#wrote}, two plain-cost
 * stores); every {@value #ROUND_MICROS} us the thread touches up to
 * {@value #PAGES_PER_ROUND} pages per queue, no further than {@value #AHEAD_BYTES} bytes
 * ahead of the writer and never past the file's current end (Chronicle grows it a chunk
 * at a time), so its cost is bounded and follows the write rate.
 */
final class PageToucher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageToucher.class);
    static final int PAGE = 4096;
    static final long AHEAD_BYTES = 8L << 20;
    static final int PAGES_PER_ROUND = 256;
    static final long ROUND_MICROS = 1000;
    private static final long WINDOW = 16L << 20;
    private static final int O_RDWR = 2;
    private static final int FALLOC_FL_KEEP_SIZE = 1;

    private final List<Track> tracks = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    PageToucher() {
        thread = new Thread(this::run, "ringbook-pretouch");
        thread.setDaemon(true);
        thread.start();
    }

    /** A new writer's track: report each append's end to it. */
    Track track() {
        Track track = new Track();
        tracks.add(track);
        return track;
    }

    private void run() {
        while (running) {
            for (Track track : tracks) {
                try {
                    track.touchAhead();
                } catch (IOException | RuntimeException | InternalError e) {
                    // InternalError: a touch that met a full disk (a mapped write's SIGBUS); the writer meets the reserve first
                    LOG.warn("pre-touching the journal failed; appends may take page faults", e);
                    track.reset();
                }
            }
            LockSupport.parkNanos(ROUND_MICROS * 1000);
        }
        tracks.forEach(Track::reset);
    }

    /** Pages touched so far, over every track (read by tests and benchmarks). */
    long pagesTouched() {
        return tracks.stream().mapToLong(t -> t.touched.get()).sum();
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where one writer is: its cycle file and the position its last append ended at. */
    static final class Track {
        /** What a writer without a toucher reports to. */
        static final Track NONE = new Track();

        private volatile File file;
        private final AtomicLong front = new AtomicLong();
        private final AtomicLong touched = new AtomicLong();
        private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
        private File open;
        private FileChannel channel;
        private MappedByteBuffer window;
        private long windowStart;
        private long touchedTo;
        /** The open file's descriptor for {@code fallocate}, or -1 where it cannot be had or was refused. */
        private int allocateFd = -1;
        /** Whether the open file is on tmpfs, where {@code fallocate} alone makes its pages. */
        private boolean onTmpfs;

        private Track() {
        }

        /** Called by the writer after an append, with the excerpt's bytes (positions in a mapped queue are file offsets). */
        void wrote(Bytes<?> bytes) {
            if (this == NONE || !(bytes instanceof MappedBytes mapped)) {
                return;
            }
            File current = mapped.mappedFile().file();
            if (current != file) {
                file = current;
            }
            front.lazySet(bytes.writePosition());
        }

        private void touchAhead() throws IOException {
            File current = file;
            if (current == null) {
                return;
            }
            long position = front.get();
            if (!current.equals(open)) {
                reset();
                channel = FileChannel.open(current.toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE);
                open = current;
                onTmpfs = isTmpfs(current);
                allocateFd = allocateDescriptor(current);
            }
            long from = Math.max(touchedTo, (position + PAGE - 1) & -PAGE);
            long end = Math.min(position + AHEAD_BYTES, channel.size()) & -PAGE;
            if (allocateFd >= 0 && from < end) {
                long length = Math.min(end - from, (long) PAGES_PER_ROUND * PAGE);
                if (!allocated(from, length)) {
                    closeAllocateFd();
                } else if (onTmpfs) {
                    touchedTo = from + length;
                    touched.addAndGet(length / PAGE);
                    return;
                }
            }
            int pages = 0;
            long at = from;
            for (; at < end && pages < PAGES_PER_ROUND; at += PAGE, pages++) {
                if (window == null || at < windowStart || at >= windowStart + window.capacity()) {
                    map(at);
                }
                view.compareAndSetInt((int) (at - windowStart), 0, 0);
            }
            touchedTo = Math.max(touchedTo, at);
            touched.addAndGet(pages);
        }

        /** Whether {@code fallocate} gave the range its pages or blocks; a call that throws counts as refused, for this file. */
        private boolean allocated(long from, long length) {
            try {
                return PosixAPI.posix().fallocate(allocateFd, FALLOC_FL_KEEP_SIZE, from, length) == 0;
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        /**
         * A descriptor to allocate a file's pages or blocks with, or -1 where the native call
         * cannot be had (a temporary directory where the native library cannot load): pages
         * are then touched through a mapping alone, which works everywhere.
         */
        private static int allocateDescriptor(File current) {
            try {
                return PosixAPI.posix().open(current.getPath(), O_RDWR, 0);
            } catch (RuntimeException | LinkageError e) {
                return -1;
            }
        }

        private static boolean isTmpfs(File current) {
            try {
                return "tmpfs".equals(Files.getFileStore(current.toPath()).type());
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        private void map(long at) throws IOException {
            unmap();
            windowStart = at & -WINDOW;
            window = channel.map(FileChannel.MapMode.READ_WRITE, windowStart, Math.min(WINDOW, channel.size() - windowStart));
            view.wrap(window);
        }

        private void unmap() {
            if (window != null) {
                IoUtil.unmap(window);
                window = null;
            }
        }

        private void closeAllocateFd() {
            if (allocateFd >= 0) {
                PosixAPI.posix().close(allocateFd);
                allocateFd = -1;
            }
        }

        private void reset() {
            unmap();
            closeAllocateFd();
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing a channel of a file that was only read from and touched loses nothing
                }
                channel = null;
            }
            open = null;
            touchedTo = 0;
        }
    }
}
