package io.ringbook.gateway.fix;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.LogFactory;
import quickfix.MessageFactory;
import quickfix.MessageStoreFactory;
import quickfix.RuntimeError;
import quickfix.SessionSettings;
import quickfix.mina.EventHandlingStrategy;
import quickfix.mina.initiator.AbstractSocketInitiator;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A QuickFIX/J initiator with the acceptor's two shortcuts, for a client that measures
 * the gateway rather than itself: a received message is handled on the MINA I/O thread
 * that decoded it ({@link InlineEvents}, not queued for {@code SocketInitiator}'s
 * message-processor thread), and a message sent is written to the socket by the sending
 * thread while MINA holds nothing for the connection ({@link DirectWrites}, not queued
 * for the I/O thread, which had to be woken to write it). Two thread wake-ups less per
 * round trip on the client's side. Its application must not block in its callbacks.
 */
public final class InlineSocketInitiator extends AbstractSocketInitiator {

    private final AtomicBoolean started = new AtomicBoolean();
    private final EventHandlingStrategy inline = new InlineEvents(this);

    public InlineSocketInitiator(Application application, MessageStoreFactory stores, SessionSettings settings, LogFactory logs,
                                 MessageFactory messages) throws ConfigError {
        super(application, stores, settings, logs, messages);
        DirectWrites directWrites = new DirectWrites(new ReportBatch());
        setIoFilterChainBuilder(chain -> chain.addLast("directWrites", directWrites));
    }

    @Override
    public void start() throws ConfigError, RuntimeError {
        if (started.compareAndSet(false, true)) {
            createSessionInitiators();
            startInitiators();
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
            stopInitiators();
        }, getSessions(), this::clearConnectorSessions);
    }

    @Override
    protected EventHandlingStrategy getEventHandlingStrategy() {
        return inline;
    }
}
