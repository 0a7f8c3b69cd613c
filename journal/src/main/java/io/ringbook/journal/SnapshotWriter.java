package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.pipeline.SnapshotHook;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Takes snapshots for the pipeline: on the decision thread, between commands, the state
 * is written into a preallocated buffer and copied (the pause, measured), all but the
 * day's clOrdIds, of which the logic hands over a view of the entries made so far (a
 * copy of references, not of ids: the pause stays flat at millions of ids a day); a
 * thread of its own then appends those ids, writes the input journal through the
 * snapshot's command to the device
 * (whatever the durability: a snapshot must never outlive the commands before it, or a
 * later start would load it on top of another timeline) and then the file, so the
 * business logic never waits on the disk. The ids go to the file in pieces as they are
 * encoded ({@link SnapshotStore#write(long, long, ReferenceData, java.util.function.Consumer)}):
 * no day-sized buffer, so a day of millions of orders and its snapshot fit the heap that
 * holds the day. The file also holds the run's configuration, which recovery needs from
 * the journal before the snapshot and so need not read it.
 */
public final class SnapshotWriter implements SnapshotHook, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotWriter.class);

    /** The last snapshot taken: its sequence, the pause it cost the logic, its size, and whether its file is written. */
    public record Taken(long sequence, long pauseNanos, int bytes, boolean written) {
    }

    /** Snapshots kept on disk; older ones go once a newer one is written (so a corrupt newest still has a fallback). */
    public static final int KEEP = 3;

    private final SnapshotStore store;
    private final Journal journal;
    private final ReferenceData configuration;
    private final StateBuffer state = new StateBuffer(1 << 20);
    private final ExecutorService files = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ringbook-snapshot");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Taken last;

    /**
     * @param journal       the journal the snapshots' commands are in: it is written to the device through a snapshot before the snapshot is
     * @param configuration this run's configuration, the last one the journal holds before any snapshot this writer takes
     */
    public SnapshotWriter(SnapshotStore store, Journal journal, ReferenceData configuration) {
        this.store = store;
        this.journal = journal;
        this.configuration = configuration;
    }

    @Override
    public void onSnapshot(BusinessLogic logic, Command command) {
        long started = System.nanoTime();
        DeferredState rest = logic.writeStateDeferring(state.clear());
        byte[] head = Arrays.copyOf(state.array(), state.length());
        long pause = System.nanoTime() - started;
        long sequence = command.sequence;
        long time = command.eventTimeNanos;
        last = new Taken(sequence, pause, head.length, false);
        files.execute(() -> {
            try {
                journal.forceInputToDevice();
                long[] bytes = new long[1];
                store.write(sequence, time, configuration, out -> {
                    out.putBytes(head, 0, head.length);
                    rest.writeTo(out);
                    bytes[0] = out.written();
                });
                last = new Taken(sequence, pause, (int) Math.min(Integer.MAX_VALUE, bytes[0]), true);
                store.prune(KEEP);
            } catch (IOException e) {
                LOG.error("snapshot at sequence {} could not be written; recovery will use an older one", sequence, e);
            }
        });
    }

    /** The last snapshot taken, or null. */
    public Taken last() {
        return last;
    }

    /** Finishes writing the snapshots already taken. */
    @Override
    public void close() {
        files.shutdown();
        try {
            files.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
