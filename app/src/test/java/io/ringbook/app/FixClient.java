package io.ringbook.app;

import io.ringbook.gateway.fix.FixInitiators;
import io.ringbook.gateway.fix.PasswordMaskingLogFactory;
import quickfix.ApplicationAdapter;
import quickfix.DefaultMessageFactory;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.MessageStoreFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A real QuickFIX/J initiator for one CompID, logging on with a password (the demo's: the
 * account's API key), keeping its sequence numbers in a directory, collecting what it receives.
 */
final class FixClient extends ApplicationAdapter implements AutoCloseable {

    final SessionID session;
    private final SocketInitiator initiator;
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final CountDownLatch loggedOn = new CountDownLatch(1);

    /** Logs on with the demo password of the account named {@code compId} (its API key, e.g. t1-key for T1). */
    FixClient(String compId, int port, Path store) throws Exception {
        this(compId, compId.toLowerCase(Locale.ROOT) + "-key", port, store);
    }

    FixClient(String compId, String password, int port, Path store) throws Exception {
        this(compId, password, port, store, false);
    }

    /** @param resetOnLogon whether its Logon asks for a sequence reset (ResetSeqNumFlag=Y) */
    FixClient(String compId, String password, int port, Path store, boolean resetOnLogon) throws Exception {
        session = FixInitiators.session(compId);
        SessionSettings settings = FixInitiators.settings(compId, password, port, store);
        settings.setBool(session, "ResetOnLogon", resetOnLogon);
        MessageStoreFactory stores = new FileStoreFactory(settings);
        initiator = new SocketInitiator(this, stores, settings, new PasswordMaskingLogFactory(settings), new DefaultMessageFactory());
        initiator.start();
    }

    /** Whether the logon was accepted within the time. */
    boolean awaitLogon(long seconds) throws InterruptedException {
        return loggedOn.await(seconds, TimeUnit.SECONDS);
    }

    void send(Message message) {
        Session.lookupSession(session).send(message);
    }

    /** The next received application message of this type (others are dropped), within 5 s. */
    Message next(String msgType) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            Message m = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(m, "a " + msgType + " within 5 s");
            if (m.getHeader().getString(MsgType.FIELD).equals(msgType)) {
                return m;
            }
        }
    }

    Session fixSession() {
        return Session.lookupSession(session);
    }

    @Override
    public void close() {
        initiator.stop(true);
    }


    @Override
    public void onLogon(SessionID sessionId) {
        loggedOn.countDown();
    }



    @Override
    public void fromAdmin(Message message, SessionID sessionId) {
        received.add(message);
    }


    @Override
    public void fromApp(Message message, SessionID sessionId) {
        received.add(message);
    }
}
