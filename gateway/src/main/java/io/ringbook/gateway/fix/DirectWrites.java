package io.ringbook.gateway.fix;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.filter.ssl.SslFilter;
import quickfix.Responder;
import quickfix.Session;
import quickfix.mina.SessionConnector;

import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a FIX session's messages be written to its socket by the thread that sends them
 * (for reports, the outbound thread) instead of being queued for MINA's I/O thread,
 * which then had to be woken to write them: measured here, that wake-up was the largest
 * single hop of a NewOrderSingle's round trip (docs/TUNING.md, "Where the time goes").
 * The first filter of the acceptor's chain (nearest the socket), it counts the write
 * requests MINA holds for each connection (passed down, not yet reported sent), and once
 * QuickFIX/J has given a session its responder at logon, wraps that responder in a
 * {@link DirectResponder}, which writes directly only while that count is zero, so that
 * bytes never overtake bytes MINA still holds. Connections with TLS keep MINA's path
 * (a direct write would bypass the encryption).
 */
final class DirectWrites extends IoFilterAdapter {

    private static final AttributeKey HELD = new AttributeKey(DirectWrites.class, "held");

    private final AtomicLong direct = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final ReportBatch batch;

    DirectWrites(ReportBatch batch) {
        this.batch = batch;
    }

    @Override
    public void filterWrite(NextFilter next, IoSession connection, WriteRequest request) throws Exception {
        held(connection).incrementAndGet();
        next.filterWrite(connection, request);
    }

    @Override
    public void messageSent(NextFilter next, IoSession connection, WriteRequest request) throws Exception {
        held(connection).decrementAndGet();
        next.messageSent(connection, request);
    }

    @Override
    public void messageReceived(NextFilter next, IoSession connection, Object message) throws Exception {
        next.messageReceived(connection, message);
        // after QuickFIX/J handled it: a Logon has given the session this connection's responder
        if (connection.getAttribute(SessionConnector.QF_SESSION) instanceof Session session) {
            Responder responder = session.getResponder();
            if (responder != null && !(responder instanceof DirectResponder) && !connection.getFilterChain().contains(SslFilter.class)
) {
                session.setResponder(new DirectResponder(connection, channel(connection), held(connection), responder, batch, direct, queued));
            }
        }
    }

    /** Writes (one message, or a batch's reports of one session) made by the sending thread, and those left to MINA (its queue was not empty, or the socket's buffer was full). */
    long[] counts() {
        return new long[] {direct.get(), queued.get()};
    }

    private static AtomicInteger held(IoSession connection) {
        AtomicInteger held = (AtomicInteger) connection.getAttribute(HELD);
        if (held == null) {
            AtomicInteger first = new AtomicInteger();
            held = (AtomicInteger) connection.setAttributeIfAbsent(HELD, first);
            held = held == null ? first : held;
        }
        return held;
    }

    /** MINA keeps a connection's channel to itself (package-private); the acceptor's sessions are NIO socket sessions. */
    private static SocketChannel channel(IoSession connection) {
        try {
            var getter = Class.forName("org.apache.mina.transport.socket.nio.NioSocketSession").getDeclaredMethod("getChannel");
            getter.setAccessible(true);
            return (SocketChannel) getter.invoke(connection);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the socket of a FIX connection", e);
        }
    }
}
