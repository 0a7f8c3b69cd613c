package io.ringbook.gateway.fix;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.quickfixj.CharsetSupport;
import quickfix.Responder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A FIX session's responder that writes messages to the socket on the calling thread
 * when MINA holds nothing for the connection ({@link DirectWrites}), and otherwise (or
 * with what the socket's buffer did not take) hands the bytes to MINA, which queues them
 * behind what it holds. The outbound thread's reports are held until its batch ends and
 * then written together ({@link ReportBatch}). QuickFIX/J calls it in sequence-number
 * order (under the session's sender lock); it takes its own lock too, so that no two
 * threads write the same socket at once and held bytes always go first.
 */
final class DirectResponder implements Responder {

    /** Held bytes written at once from this size: a batch of a few hundred reports, well within a socket's buffer. */
    static final int HOLD_BYTES = 32 * 1024;

    private final IoSession connection;
    private final SocketChannel channel;
    private final AtomicInteger heldByMina;
    private final Responder quickfix;
    private final ReportBatch batch;
    private final AtomicLong directCount;
    private final AtomicLong queuedCount;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream(1024);

    DirectResponder(IoSession connection, SocketChannel channel, AtomicInteger heldByMina, Responder quickfix, ReportBatch batch,
                    AtomicLong directCount, AtomicLong queuedCount) {
        this.connection = connection;
        this.channel = channel;
        this.heldByMina = heldByMina;
        this.quickfix = quickfix;
        this.batch = batch;
        this.directCount = directCount;
        this.queuedCount = queuedCount;
    }

    @Override
    public synchronized boolean send(String data) {
        byte[] bytes = data.getBytes(CharsetSupport.getCharsetInstance());
        if (batch.holds()) {
            if (held.size() == 0) {
                batch.holding(this);
            }
            held.writeBytes(bytes);
            if (held.size() >= HOLD_BYTES) {
                writeHeld();
            }
            return true;
        }
        writeHeld();
        write(ByteBuffer.wrap(bytes));
        return true;
    }

    /** Writes the messages held for the batch, if any. */
    synchronized void writeHeld() {
        if (held.size() > 0) {
            write(ByteBuffer.wrap(held.toByteArray()));
            held.reset();
        }
    }

    private void write(ByteBuffer bytes) {
        if (heldByMina.get() == 0 && connection.isConnected()) {
            try {
                channel.write(bytes);
            } catch (IOException closed) {
                // MINA fails the write below and closes the connection, as it would have
            }
            if (!bytes.hasRemaining()) {
                directCount.incrementAndGet();
                return;
            }
        }
        connection.write(IoBuffer.wrap(bytes)); // behind what MINA holds; the codec passes bytes through
        queuedCount.incrementAndGet();
    }

    @Override
    public void disconnect() {
        writeHeld();
        quickfix.disconnect();
    }

    @Override
    public String getRemoteAddress() {
        return quickfix.getRemoteAddress();
    }
}
