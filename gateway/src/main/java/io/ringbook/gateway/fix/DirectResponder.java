package io.ringbook.gateway.fix;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.quickfixj.CharsetSupport;
import quickfix.Responder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A FIX session's responder that writes each message to the socket on the calling
 * thread when MINA holds nothing for the connection ({@link DirectWrites}), and
 * otherwise (or with what the socket's buffer did not take) hands it to QuickFIX/J's
 * own responder, so MINA queues it behind what it holds. QuickFIX/J calls it in
 * sequence-number order (under the session's sender lock); it takes its own lock too,
 * so that no two threads write the same socket at once.
 */
final class DirectResponder implements Responder {

    private final IoSession connection;
    private final SocketChannel channel;
    private final AtomicInteger heldByMina;
    private final Responder queued;
    private final AtomicLong directCount;
    private final AtomicLong queuedCount;

    DirectResponder(IoSession connection, SocketChannel channel, AtomicInteger heldByMina, Responder queued, AtomicLong directCount,
                    AtomicLong queuedCount) {
        this.connection = connection;
        this.channel = channel;
        this.heldByMina = heldByMina;
        this.queued = queued;
        this.directCount = directCount;
        this.queuedCount = queuedCount;
    }

    @Override
    public synchronized boolean send(String data) {
        if (heldByMina.get() == 0 && connection.isConnected()) {
            ByteBuffer bytes = ByteBuffer.wrap(data.getBytes(CharsetSupport.getCharsetInstance()));
            try {
                channel.write(bytes);
            } catch (IOException closed) {
                return queued.send(data); // MINA fails the write and closes the connection, as it would have
            }
            if (!bytes.hasRemaining()) {
                directCount.incrementAndGet();
                return true;
            }
            connection.write(IoBuffer.wrap(bytes)); // the rest, behind nothing; the codec passes bytes through
            queuedCount.incrementAndGet();
            return true;
        }
        queuedCount.incrementAndGet();
        return queued.send(data);
    }

    @Override
    public void disconnect() {
        queued.disconnect();
    }

    @Override
    public String getRemoteAddress() {
        return queued.getRemoteAddress();
    }
}
