package io.ringbook.gateway.fix;

import quickfix.LogUtil;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.mina.EventHandlingStrategy;
import quickfix.mina.SessionConnector;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * QuickFIX/J's way of handing a decoded message to its session, done on the MINA I/O
 * thread that decoded it instead of queueing it for a message-processor thread: one
 * thread wake-up less per inbound message, for the acceptor ({@link InlineSocketAcceptor})
 * and the harness's initiator ({@link InlineSocketInitiator}) alike. It fits where the
 * application never blocks; a session's messages are still handled one at a time and in
 * order, since MINA reads a connection on one I/O thread.
 */
final class InlineEvents implements EventHandlingStrategy {

    private final SessionConnector connector;

    InlineEvents(SessionConnector connector) {
        this.connector = connector;
    }

    @Override
    public void onMessage(Session session, Message message) {
        try {
            session.next(message); // END_OF_STREAM too: the session disconnects on it
        } catch (Throwable failure) {
            // as QuickFIX/J's own strategies: a failure is the session's to log, never the I/O thread's end
            LogUtil.logThrowable(session.getSessionID(), failure.getMessage(), failure);
        }
    }

    @Override
    public SessionConnector getSessionConnector() {
        return connector;
    }

    @Override
    public int getQueueSize() {
        return 0;
    }

    @Override
    public int getQueueSize(SessionID sessionID) {
        return 0;
    }

    /**
     * Stops a connector once (later calls do nothing): {@code stopping} logs its sessions
     * out and stops its connections, then, as QuickFIX/J's own connectors do, its sessions
     * leave QuickFIX/J's registry (so that a later connector in this process registers its
     * own) with their stores and logs closed, and {@code clear} forgets them.
     */
    static void stopOnce(AtomicBoolean started, Runnable stopping, List<SessionID> sessions, Runnable clear) {
        if (started.compareAndSet(true, false)) {
            try {
                stopping.run();
            } finally {
                unregisterAndClose(sessions);
                clear.run();
            }
        }
    }

    /** QuickFIX/J's own unregistering, package-private there, hence the reflection. */
    private static void unregisterAndClose(List<SessionID> sessions) {
        try {
            Method unregister = Session.class.getDeclaredMethod("unregisterSessions", List.class, boolean.class);
            unregister.setAccessible(true);
            unregister.invoke(null, sessions, true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot unregister the FIX sessions from QuickFIX/J", e);
        }
    }
}
