package io.ringbook.web;

import java.io.ByteArrayOutputStream;

/**
 * A thread's buffer for rendering answers, reused from one answer to the next: an order's
 * answer was a new array that grew once and was copied once more, and with the rendering
 * around it most of what a reply thread allocated per request. A buffer that grew for a
 * large answer is not kept.
 */
final class ReplyBuffer extends ByteArrayOutputStream {

    private static final int INITIAL_BYTES = 1024;
    private static final int KEPT_BYTES = 16 * 1024;
    private static final ThreadLocal<ReplyBuffer> OF_THREAD = ThreadLocal.withInitial(ReplyBuffer::new);

    private ReplyBuffer() {
        super(INITIAL_BYTES);
    }

    /** This thread's buffer, empty. */
    static ReplyBuffer empty() {
        ReplyBuffer buffer = OF_THREAD.get();
        if (buffer.buf.length > KEPT_BYTES) {
            buffer = new ReplyBuffer();
            OF_THREAD.set(buffer);
        }
        buffer.reset();
        return buffer;
    }

    /** The bytes written so far are {@code array()[0 .. size())}, valid until the buffer is used again. */
    byte[] array() {
        return buf;
    }
}
