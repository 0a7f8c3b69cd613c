package io.ringbook.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.posix.PosixAPI;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
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
 * <p>The pages are touched <em>through the writer's own mapping</em> (the chunk of the
 * cycle file its {@code MappedBytes} is on, reserved by the toucher while it touches), so
 * the writer's page-table entries exist before it gets there: a page touched through a
 * mapping of the toucher's own, as before, still cost the writer a fault of its own, and a
 * fault is expensive on this VM (about 11 us a page on tmpfs, 1.5 on ext4, measured with
 * a C program: docs/PERFORMANCE.md, "Pre-touching through the writer's mapping"). Each
 * round makes the pages ahead present with one {@code madvise(MADV_POPULATE_WRITE)}
 * (Linux 5.14; it allocates, zeroes and maps them, about 1.1 us a page on tmpfs against 11
 * for a fault), then touches each page once with a compare-and-set of an int from 0 to 0
 * at its start, which syncs the page into the hypervisor's tables here (about 4.4 us a
 * page on tmpfs) and does the whole work alone where the call is refused. An
 * {@code fallocate} first, as before, made it slower (7 against 5 us a page on tmpfs, 2.6-6.4
 * against 1.3 on ext4) and was dropped. A touch never
 * changes a byte a writer wrote, whoever comes first. Each writer reports where it ended
 * after every append ({@link Track#wrote}, plain-cost stores); every
 * {@value #ROUND_MICROS} us the thread touches up to {@value #PAGES_PER_ROUND} pages per
 * queue, no further than {@value #AHEAD_BYTES} bytes ahead of the writer, never past the
 * writer's chunk nor the file's current end, so its cost is bounded and follows the write
 * rate.
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
        while (running) {
            for (Track track : tracks) {
                try {
                    track.touchAhead();
                } catch (RuntimeException | InternalError e) {
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

    /** Where one writer is: the chunk of its cycle file it writes through, and the position its last append ended at. */
    static final class Track {
        /** What a writer without a toucher reports to. */
        static final Track NONE = new Track();
        private static final int MADV_POPULATE_WRITE = 23;

        private volatile MappedBytesStore chunk;
        /** The file of {@link #chunk}, written before it. */
        private volatile File chunkFile;
        private final AtomicLong front = new AtomicLong();
        private final AtomicLong touched = new AtomicLong();
        private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
        private final ReferenceOwner owner = ReferenceOwner.temporary("ringbook-pretouch");
        /** The writer's chunk this toucher holds a reservation on, so it stays mapped while touched. */
        private MappedBytesStore held;
        private File heldFile;
        private long touchedTo;
        /** Whether {@code madvise(MADV_POPULATE_WRITE)} is still worth calling (refused once: an older kernel). */
        private boolean populate = true;

        private Track() {
        }

        /** Called by the writer after an append, with the excerpt's bytes (positions in a mapped queue are file offsets). */
        void wrote(Bytes<?> bytes) {
            if (this == NONE || !(bytes instanceof MappedBytes mapped)) {
                return;
            }
            if (mapped.bytesStore() instanceof MappedBytesStore current && current != chunk) {
                chunkFile = mapped.mappedFile().file();
                chunk = current;
            }
            front.lazySet(bytes.writePosition());
        }

        private void touchAhead() {
            MappedBytesStore current = chunk;
            if (current == null) {
                return;
            }
            if (current != held && !hold(current)) {
                return;
            }
            long position = front.get();
            long from = Math.max(Math.max(touchedTo, held.start()), (position + PAGE - 1) & -PAGE);
            long end = Math.min(Math.min(position + AHEAD_BYTES, held.safeLimit()), heldFile.length()) & -PAGE;
            end = Math.min(end, from + (long) PAGES_PER_ROUND * PAGE);
            if (from >= end) {
                return;
            }
            long address = held.addressForWrite(from);
            view.wrap(address, (int) (end - from));
            if (populate && !populated(address, end - from)) {
                populate = false;
            }
            for (int at = 0; at < end - from; at += PAGE) {
                view.compareAndSetInt(at, 0, 0);
            }
            touchedTo = end;
            touched.addAndGet((end - from) / PAGE);
        }

        /** Reserves the writer's new chunk (releasing the last), or answers false if it is already released. */
        private boolean hold(MappedBytesStore current) {
            File file = chunkFile;
            release();
            if (!current.tryReserve(owner)) {
                return false;
            }
            held = current;
            if (!file.equals(heldFile)) {
                heldFile = file;
                touchedTo = 0;
            }
            return true;
        }

        private static boolean populated(long address, long length) {
            try {
                return PosixAPI.posix().madvise(address, length, MADV_POPULATE_WRITE) == 0;
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        private void release() {
            if (held != null) {
                held.release(owner);
                held = null;
            }
        }

        private void reset() {
            release();
            heldFile = null;
            touchedTo = 0;
        }
    }
}
