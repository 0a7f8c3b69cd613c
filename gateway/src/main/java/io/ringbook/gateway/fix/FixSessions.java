package io.ringbook.gateway.fix;

import quickfix.SessionID;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which accounts trade over FIX and which of their sessions are logged on, so that
 * execution reports of an account's orders, whichever door they came in by, go to its
 * session. An account counts as a FIX user once its session has logged on (in this
 * process, or before: its store has sent messages); its reports are then sent even
 * while it is away, and QuickFIX/J keeps them in the session's store for the resend
 * that follows its next logon, as a FIX venue does. Accounts that never use FIX cost
 * the outbound thread nothing. Written by QuickFIX/J's threads at logon and logout and
 * at start, read by the outbound thread. Each logon opens a connection with its own
 * number, unique and growing across restarts (the start's millisecond times a million,
 * plus a count): the origin of the orders that enter through it; its cancel-on-disconnect
 * cancels those and the earlier connections' orders.
 */
final class FixSessions {

    private static final long CONNECTIONS_PER_MILLISECOND = 1_000_000;

    private final ConcurrentHashMap<Integer, SessionID> online = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, SessionID> users = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Long> connections = new ConcurrentHashMap<>();
    private final AtomicLong lastConnection;

    FixSessions(long startedAtEpochMillis) {
        this.lastConnection = new AtomicLong(startedAtEpochMillis * CONNECTIONS_PER_MILLISECOND);
    }

    void loggedOn(int account, SessionID session) {
        connections.put(account, lastConnection.incrementAndGet());
        online.put(account, session);
        users.put(account, session);
    }

    /** The number of the account's current connection, the origin of the orders entering through it; 0 if none. */
    long connection(int account) {
        return connections.getOrDefault(account, 0L);
    }

    /** The account's session has been used before this process started. */
    void usedBefore(int account, SessionID session) {
        users.put(account, session);
    }

    /** Where the account's reports go, logged on or not; null if it does not use FIX. */
    SessionID reportsTo(int account) {
        return account < 0 ? null : users.get(account);
    }

    /** Ends the account's connection; returns its number (0 if it had none). */
    long loggedOut(int account) {
        online.remove(account);
        Long connection = connections.remove(account);
        return connection == null ? 0 : connection;
    }

    int count() {
        return online.size();
    }
}
