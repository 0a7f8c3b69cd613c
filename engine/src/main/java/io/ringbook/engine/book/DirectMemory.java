package io.ringbook.engine.book;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * The memory beside the heap that the day clOrdId indexes' arenas take, and what running
 * out of it does: the process ends at once with exit code 3, as the launcher's
 * {@code -XX:+ExitOnOutOfMemoryError} ends it when the heap runs out. That flag covers
 * only the JVM's own out-of-memory errors; a direct buffer's is thrown from Java code, and
 * would leave the logic thread stopped (every command refused until a restart) or a read
 * model without an id. Ended, the engine is restarted by its supervisor and recovers from
 * the journal, where every accepted command already is.
 */
final class DirectMemory {

    /** The exit code of {@code -XX:+ExitOnOutOfMemoryError}, so that supervisors see one cause. */
    static final int EXIT_CODE = 3;

    private DirectMemory() {
    }

    /** {@code bytes} of zeroed direct memory (its pages made now, not on first write); ends the process if there is none left. */
    static UnsafeBuffer allocate(int bytes) {
        try {
            return new UnsafeBuffer(ByteBuffer.allocateDirect(bytes));
        } catch (OutOfMemoryError e) {
            System.err.println("ringbook: out of direct memory for a clOrdId day index (" + e.getMessage()
                    + "): exiting; raise -XX:MaxDirectMemorySize or lower engine.clOrdIdsPerDay (docs/TUNING.md)");
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_CODE);
            throw e;
        }
    }
}
