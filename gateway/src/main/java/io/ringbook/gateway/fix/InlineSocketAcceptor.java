package io.ringbook.gateway.fix;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.LogFactory;
import quickfix.MessageFactory;
import quickfix.MessageStoreFactory;
import quickfix.RuntimeError;
import quickfix.SessionSettings;
import quickfix.mina.EventHandlingStrategy;
import quickfix.mina.acceptor.AbstractSocketAcceptor;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A QuickFIX/J socket acceptor that hands each message to its session on the MINA I/O
 * thread that decoded it ({@link InlineEvents}), instead of queueing it for QuickFIX/J's message-processor
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
    private final EventHandlingStrategy inline = new InlineEvents(this);

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
        InlineEvents.stopOnce(started, () -> {
            logoutAllSessions(forceDisconnect);
            stopAcceptingConnections();
            stopSessionTimer();
        }, getSessions(), this::clearConnectorSessions);
    }

    @Override
    protected EventHandlingStrategy getEventHandlingStrategy() {
        return inline;
    }
}
