package io.ringbook.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.posix.PosixAPI;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Touches the pages of the journal's mapped cycle files ahead of where their writers
 * append, from a thread of its own, so that an append (the input journal's is on the
 * decision thread, the output journal's on the outbound thread) takes no page fault:
 * allocating the file's block, zeroing the page and mapping it happen here instead.
 * Chronicle Queue's open-source build has no pretoucher.
 *
 * <p>The pages are touched <em>through the writer's own mapping</em>: the chunk of the
 * cycle file its {@code MappedBytes} is on (512 MiB for the journal's daily cycles),
 * which the toucher reserves until the writer leaves it, so it stays mapped while
 * touched. The writer's page-table entries then exist before it gets there. A page
 * touched through a mapping of the toucher's own, as before, still cost the writer a
 * fault of its own, and a fault is expensive on this VM (about 11 us a page on tmpfs,
 * 1.5 on ext4, measured with a C program: docs/PERFORMANCE.md, "Pre-touching through the
 * writer's mapping"). Each round makes the pages ahead present, 16 at a time, with
 * {@code madvise(MADV_POPULATE_WRITE)} (Linux 5.14; it allocates, zeroes and maps them:
 * about 1.1 us a page on tmpfs), then touches each once with a compare-and-set of an int
 * from 0 to 0, which syncs the page into the hypervisor's tables here (about 4.4 us a
 * page on tmpfs). Only pages the kernel has made are touched: where it cannot make them
 * (a full disk) the toucher pauses for a second and says so once, since a touch there
 * would be a SIGBUS; on a kernel without the call, or where the native library cannot
 * load, it touches nothing. A touch never changes a byte a writer wrote, whoever comes
 * first. An {@code fallocate} first, as before, was no faster on tmpfs and slower on ext4
 * (6.8 against 5.0-7.1 us a page; 2.6-6.4 against 1.3).
 *
 * <p>Each writer reports where it ended after every append ({@link Track#wrote},
 * plain-cost stores); every {@value #ROUND_MICROS} us the thread touches up to
 * {@value #PAGES_PER_ROUND} pages per queue, no further than {@value #AHEAD_BYTES} bytes
 * ahead of the writer and never past the writer's chunk, so its cost is bounded and
 * follows the write rate. The writer still takes the faults of a new chunk's (or a new
 * day's file's) first pages, until the toucher's next round sees it there.
 */
final class PageToucher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageToucher.class);
    static final int PAGE = 4096;
    static final long AHEAD_BYTES = 8L << 20;
    static final int PAGES_PER_ROUND = 256;
    static final long ROUND_MICROS = 1000;

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
        try {
            if (!Track.madviseReachesTheKernel()) {
                LOG.warn("madvise does not reach the kernel here (no native library?): journal appends take their own page faults");
                return;
            }
            while (running) {
                for (Track track : tracks) {
                    try {
                        track.touchAhead();
                    } catch (RuntimeException e) {
                        track.reset();
                        track.pause("pre-touching the journal failed; appends may take page faults", e);
                    }
                }
                LockSupport.parkNanos(ROUND_MICROS * 1000);
            }
        } finally {
            tracks.forEach(Track::reset);
        }
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

    /** Where one writer is: the chunk of its cycle file it writes through, and the position its last append ended at. */
    static final class Track {
        /** What a writer without a toucher reports to. */
        static final Track NONE = new Track();
        private static final int MADV_POPULATE_WRITE = 23;
        private static final int EINTR = 4;
        private static final int EAGAIN = 11;
        private static final int EINVAL = 22;
        /** Pages populated by one call: a call holds the process's mapping lock for reading, so other mappings wait at most this long. */
        private static final int SLICE = 16 * PAGE;
        private static final long PAUSE_NANOS = 1_000_000_000L;

        private volatile MappedBytesStore chunk;
        private final AtomicLong front = new AtomicLong();
        private final AtomicLong touched = new AtomicLong();
        private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
        private final ReferenceOwner owner = ReferenceOwner.temporary("ringbook-pretouch");
        /** The writer's chunk this toucher holds a reservation on, so it stays mapped while touched (until the writer leaves it). */
        private MappedBytesStore held;
        private long touchedTo;
        /** False once {@code madvise(MADV_POPULATE_WRITE)} is refused as unknown (a kernel before 5.14): nothing is touched then. */
        private boolean supported = true;
        /** While the pages cannot be made (a full disk), when to try again ({@link System#nanoTime}), else 0. */
        private long pausedUntil;

        private Track() {
        }

        /** Called by the writer after an append, with the excerpt's bytes (positions in a mapped queue are file offsets). */
        void wrote(Bytes<?> bytes) {
            if (this == NONE || !(bytes instanceof MappedBytes mapped)) {
                return;
            }
            // the position first: the toucher, having read a new chunk, reads a position in it
            front.lazySet(bytes.writePosition());
            if (mapped.bytesStore() instanceof MappedBytesStore current && current != chunk) {
                chunk = current;
            }
        }

        private void touchAhead() {
            MappedBytesStore current = chunk;
            if (current == null || !supported || (pausedUntil != 0 && System.nanoTime() - pausedUntil < 0)) {
                return;
            }
            if (current != held && !hold(current)) {
                return;
            }
            long position = front.get();
            if (position < held.start() || position >= held.safeLimit()) {
                return; // a position of the writer's next chunk or file, read before that chunk: the next round has both
            }
            long from = Math.max(Math.max(touchedTo, held.start()), (position + PAGE - 1) & -PAGE);
            long end = Math.min(Math.min(position + AHEAD_BYTES, held.safeLimit()), from + (long) PAGES_PER_ROUND * PAGE) & -PAGE;
            for (long at = from; at < end; at += SLICE) {
                long length = Math.min(SLICE, end - at);
                long address = held.addressForWrite(at);
                int error = populate(address, length);
                if (error != 0) {
                    refused(error);
                    return;
                }
                if (pausedUntil != 0) {
                    pausedUntil = 0;
                    LOG.info("pre-touching the journal again: its pages can be made");
                }
                // only pages the kernel has made are touched: a touch of a page it could not make (a full disk) is a SIGBUS
                view.wrap(address, (int) length);
                for (int page = 0; page < length; page += PAGE) {
                    view.compareAndSetInt(page, 0, 0);
                }
                touchedTo = at + length;
                touched.addAndGet(length / PAGE);
            }
        }

        /** Reserves the writer's new chunk (releasing the last), or answers false if it is already released. */
        private boolean hold(MappedBytesStore current) {
            release();
            if (!current.tryReserve(owner)) {
                return false;
            }
            held = current;
            touchedTo = 0;
            return true;
        }

        /**
         * Whether {@code madvise} reaches the kernel, which refuses an unknown advice: where
         * the native library cannot load, a stand-in answers 0 to every call, and pages it
         * "made" would be touched unmade (a SIGBUS on a full disk).
         */
        static boolean madviseReachesTheKernel() {
            try {
                PosixAPI posix = PosixAPI.posix();
                return posix.madvise(0, 0, -1) != 0 && posix.lastError() == EINVAL;
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        /** 0 once the kernel has made the pages present and writable, else why not (an errno). */
        private static int populate(long address, long length) {
            try {
                PosixAPI posix = PosixAPI.posix();
                return posix.madvise(address, length, MADV_POPULATE_WRITE) == 0 ? 0 : Math.max(1, posix.lastError());
            } catch (RuntimeException | LinkageError e) {
                return EINVAL;
            }
        }

        private void refused(int error) {
            if (error == EINTR || error == EAGAIN) {
                return;
            }
            if (error == EINVAL) {
                supported = false;
                release();
                LOG.warn("this kernel cannot populate mapped pages (MADV_POPULATE_WRITE, Linux 5.14): journal appends take their own page faults");
                return;
            }
            pause("the journal's pages ahead cannot be made (errno " + error + ": a full disk?)", null);
        }

        /** Stops touching for a second, saying why at the first of a run of failures only. */
        private void pause(String why, RuntimeException failure) {
            if (pausedUntil == 0) {
                LOG.warn(why + "; pre-touching pauses and retries every second", failure);
            }
            pausedUntil = System.nanoTime() + PAUSE_NANOS;
        }

        private void release() {
            if (held != null) {
                held.release(owner);
                held = null;
            }
        }

        private void reset() {
            release();
            touchedTo = 0;
        }
    }
}
