package io.ringbook.gateway.fix;

import quickfix.SessionID;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which account's FIX session is logged on, so that execution reports of an account's
 * orders, whichever door they came in by, go to its session. Written by QuickFIX/J's
 * threads at logon and logout, read by the outbound thread.
 */
final class FixSessions {

    private final ConcurrentHashMap<Integer, SessionID> online = new ConcurrentHashMap<>();

    void loggedOn(int account, SessionID session) {
        online.put(account, session);
    }

    void loggedOut(int account) {
        online.remove(account);
    }

    /** The account's session, or null if it has none logged on. */
    SessionID of(int account) {
        return account < 0 ? null : online.get(account);
    }

    int count() {
        return online.size();
    }
}
