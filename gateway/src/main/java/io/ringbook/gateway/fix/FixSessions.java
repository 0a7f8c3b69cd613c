package io.ringbook.gateway.fix;

import quickfix.SessionID;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which accounts trade over FIX and which of their sessions are logged on, so that
 * execution reports of an account's orders, whichever door they came in by, go to its
 * session. An account counts as a FIX user once its session has logged on (in this
 * process, or before: its store has sent messages); its reports are then sent even
 * while it is away, and QuickFIX/J keeps them in the session's store for the resend
 * that follows its next logon, as a FIX venue does. Accounts that never use FIX cost
 * the outbound thread nothing. Written by QuickFIX/J's threads at logon and logout and
 * at start, read by the outbound thread.
 */
final class FixSessions {

    private final ConcurrentHashMap<Integer, SessionID> online = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, SessionID> users = new ConcurrentHashMap<>();

    void loggedOn(int account, SessionID session) {
        online.put(account, session);
        users.put(account, session);
    }

    /** The account's session has been used before this process started. */
    void usedBefore(int account, SessionID session) {
        users.put(account, session);
    }

    /** Where the account's reports go, logged on or not; null if it does not use FIX. */
    SessionID reportsTo(int account) {
        return account < 0 ? null : users.get(account);
    }

    void loggedOut(int account) {
        online.remove(account);
    }

    int count() {
        return online.size();
    }
}
