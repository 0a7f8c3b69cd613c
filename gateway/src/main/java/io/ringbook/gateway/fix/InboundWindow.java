package io.ringbook.gateway.fix;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.AbstractIoSession;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import quickfix.Session;
import quickfix.mina.SessionConnector;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flow control at the FIX door: a session's inbound may not outrun its own reports. A
 * QuickFIX/J session reads and publishes orders faster than the outbound side can answer
 * them over FIX (each report is encoded, stored and written), so a client sending as fast
 * as it can would fill the rings, be refused for a full ring and hold every edge of the
 * outbound side (read models, streams, reports) a ring behind until the watchdog cut them
 * off. Instead, once {@value #PER_SESSION} of a session's NewOrderSingles (or
 * {@value #ALL_SESSIONS} of all sessions') are published but not yet answered, or MINA
 * holds {@value #QUEUED_BYTES} bytes of reports the client has not read, the gateway stops
 * reading that session's connection (TCP then pushes back on the client), and reads again
 * once its orders in flight are down to half and what MINA holds for it to half. Nothing
 * is refused or dropped: the client is slowed to the pace its answers leave at.
 *
 * <p>The outbound side's lag from FIX orders is so bounded by about {@value #ALL_SESSIONS}
 * orders' events plus what a connection had already read, well inside the three quarters
 * of the outbound ring beyond which an edge is cut off. If the answers never come (the
 * watchdog cut the edges off, and with them the FIX reports, until a restart), the counts
 * stay where they were: a session held then, or one of the same account that logs on
 * again, or once the count of all sessions is stuck at its bound every session, stays
 * unread until QuickFIX/J ends it for the heartbeats it could not read. The FIX door
 * answers nothing in that state anyway; health shows the cut-off and the held sessions.
 *
 * <p>The filter sits on the socket's side of the FIX codec (QuickFIX/J adds its codec after
 * the chain's own filters): it sees each chunk read after QuickFIX/J handled every message
 * in it on the same I/O thread ({@link InlineSocketAcceptor}), so the count already
 * includes the orders that chunk published, and a window may be overrun by one chunk. Counts are kept by the reports ({@link NewOrdersInFlight}).
 */
final class InboundWindow extends IoFilterAdapter {

    /** NewOrderSingles of one session published and not yet answered, at which its reading stops. */
    static final int PER_SESSION = 512;
    /** The same, of all sessions together. */
    static final int ALL_SESSIONS = 2_048;
    /** Bytes of reports MINA holds for a connection (the client does not read them), at which its reading stops. */
    static final long QUEUED_BYTES = 4L << 20;

    private static final System.Logger LOG = System.getLogger(InboundWindow.class.getName());
    private static final Method PICK_PROCESSOR = mina("org.apache.mina.core.service.SimpleIoProcessorPool", "getProcessor",
            AbstractIoSession.class);
    private static final Method WAKE_UP = mina("org.apache.mina.core.polling.AbstractPollingIoProcessor", "wakeup");

    private final FixCompIds compIds;
    private final AtomicIntegerArray inFlight;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<Integer, IoSession> held = new ConcurrentHashMap<>();
    private final AtomicLong holds = new AtomicLong();

    InboundWindow(FixCompIds compIds) {
        this.compIds = compIds;
        this.inFlight = new AtomicIntegerArray(compIds.all().size());
    }

    /** A NewOrderSingle of the account is about to be published. */
    void sent(int account) {
        inFlight.incrementAndGet(account);
        total.incrementAndGet();
    }

    /** One of the account's NewOrderSingles was answered by the engine (or could not be published after all). */
    void answered(int account) {
        inFlight.decrementAndGet(account);
        total.decrementAndGet();
        releaseHeld();
    }

    @Override
    public void messageReceived(NextFilter next, IoSession connection, Object message) throws Exception {
        next.messageReceived(connection, message);
        if (connection.getAttribute(SessionConnector.QF_SESSION) instanceof Session session) {
            OptionalInt account = compIds.account(session.getSessionID().getTargetCompID());
            if (account.isPresent()) {
                holdIfFull(account.getAsInt(), connection);
            }
        }
    }

    @Override
    public void messageSent(NextFilter next, IoSession connection, WriteRequest request) throws Exception {
        next.messageSent(connection, request);
        releaseHeld();
    }

    /** Reads again each held connection whose window now has room. */
    private void releaseHeld() {
        if (!held.isEmpty()) {
            held.forEach(this::release);
        }
    }

    /** On the connection's I/O thread, after a message: stops reading if the window is full. */
    private void holdIfFull(int account, IoSession connection) {
        if (inFlight.get(account) < PER_SESSION && total.get() < ALL_SESSIONS && connection.getScheduledWriteBytes() < QUEUED_BYTES) {
            return;
        }
        if (held.get(account) == connection) {
            return;
        }
        connection.suspendRead(); // before it is listed: whoever takes it off the list resumes a suspended connection
        IoSession before = held.put(account, connection);
        holds.incrementAndGet();
        if (before != null) {
            resume(before); // an earlier connection of the account, gone or going: nothing to hold there
        }
        release(account, connection); // the answers may all have come in between
    }

    /** Reads the connection again if its window has room, unless another thread already did. */
    private void release(int account, IoSession connection) {
        if (inFlight.get(account) <= PER_SESSION / 2 && total.get() <= ALL_SESSIONS / 2
                && connection.getScheduledWriteBytes() <= QUEUED_BYTES / 2 && held.remove(account, connection)) {
            resume(connection);
        }
    }

    /**
     * Reads the connection again. MINA only changes what its selector waits for, and a
     * selector blocked in its wait (up to a second) sees the change only when it wakes:
     * so its I/O processor is woken, as MINA does for a write. The methods are MINA's own,
     * not public (the pool picks a connection's processor privately), hence the reflection.
     * This runs on the engine's outbound thread (an answer releases a connection), so a
     * wake-up that fails (a pool already disposed at a stop, another MINA) is logged and
     * costs only the wake-up: the read resumes at the selector's next wake.
     */
    private static void resume(IoSession connection) {
        connection.resumeRead();
        try {
            Object pool = ((AbstractIoSession) connection).getProcessor();
            Object processor = PICK_PROCESSOR.invoke(pool, connection);
            WAKE_UP.invoke(processor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot wake the I/O processor of FIX connection " + connection.getRemoteAddress()
                    + "; its reads resume when the processor next wakes", e);
        }
    }

    private static Method mina(String className, String name, Class<?>... parameters) {
        try {
            Method method = Class.forName(className).getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** How often a connection's reading was stopped, and how many are stopped now, for the health. */
    long[] counts() {
        return new long[] {holds.get(), held.size()};
    }
}
