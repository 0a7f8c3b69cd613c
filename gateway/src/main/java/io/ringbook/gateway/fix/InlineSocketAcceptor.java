package io.ringbook.gateway.fix;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.LogFactory;
import quickfix.LogUtil;
import quickfix.Message;
import quickfix.MessageFactory;
import quickfix.MessageStoreFactory;
import quickfix.RuntimeError;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.mina.EventHandlingStrategy;
import quickfix.mina.SessionConnector;
import quickfix.mina.acceptor.AbstractSocketAcceptor;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A QuickFIX/J socket acceptor that hands each message to its session on the MINA I/O
 * thread that decoded it, instead of queueing it for QuickFIX/J's message-processor
 * thread ({@code SocketAcceptor}) or a thread per session ({@code ThreadedSocketAcceptor}):
 * one thread wake-up less between the socket and the engine on every inbound message.
 * It fits because the application never blocks (orders are published without waiting,
 * answers are sent by queueing them on the connection); a session's messages are still
 * handled one at a time and in order, since MINA reads a connection on one I/O thread.
 * Sessions of different connections may now be handled at the same time on different
 * I/O threads, as with the threaded acceptor. The session timer (heartbeats, test
 * requests, logon timeouts) runs as in QuickFIX/J's own acceptors.
 */
final class InlineSocketAcceptor extends AbstractSocketAcceptor {

    private final AtomicBoolean started = new AtomicBoolean();
    private final EventHandlingStrategy inline = new EventHandlingStrategy() {
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
            return InlineSocketAcceptor.this;
        }

        @Override
        public int getQueueSize() {
            return 0;
        }

        @Override
        public int getQueueSize(SessionID sessionID) {
            return 0;
        }
    };

    InlineSocketAcceptor(Application application, MessageStoreFactory stores, SessionSettings settings, LogFactory logs,
                         MessageFactory messages) throws ConfigError {
        super(application, stores, settings, logs, messages);
    }

    @Override
    public void start() throws ConfigError, RuntimeError {
        if (started.compareAndSet(false, true)) {
            startAcceptingConnections();
        }
    }

    @Override
    public void stop() {
        stop(false);
    }

    @Override
    public void stop(boolean forceDisconnect) {
        if (started.compareAndSet(true, false)) {
            try {
                logoutAllSessions(forceDisconnect);
                stopAcceptingConnections();
                stopSessionTimer();
            } finally {
                unregisterAndClose(getSessions());
                clearConnectorSessions();
            }
        }
    }

    /**
     * What QuickFIX/J's own acceptors do on stop: take the sessions out of QuickFIX/J's
     * registry (so that a later acceptor in this process registers its own) and close
     * their stores and logs. The method is package-private in QuickFIX/J, hence the reflection.
     */
    private static void unregisterAndClose(List<SessionID> sessions) {
        try {
            Method unregister = Session.class.getDeclaredMethod("unregisterSessions", List.class, boolean.class);
            unregister.setAccessible(true);
            unregister.invoke(null, sessions, true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot unregister the FIX sessions from QuickFIX/J", e);
        }
    }

    @Override
    protected EventHandlingStrategy getEventHandlingStrategy() {
        return inline;
    }
}
