package io.ringbook.gateway.fix;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import quickfix.InvalidMessage;
import quickfix.Message;
import quickfix.field.MsgType;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The acceptor's filter right after the FIX codec: a connection's messages reach
 * QuickFIX/J only once its first one was a Logon (A) addressed to {@value FixGateway#COMP_ID}
 * from a known SenderCompID carrying that account's Password(554). Anything else is
 * answered with a Logout (5) whose Text says why, and the connection is closed, before
 * QuickFIX/J sees it: no session's sequence numbers move, nothing is stored, resent or
 * reset, and the Logout reveals nothing (its MsgSeqNum is 1, outside any session).
 * QuickFIX/J's own {@code fromAdmin} would come too late: before it, a Logon with
 * ResetSeqNumFlag resets the session and one with a low MsgSeqNum is told the expected
 * number, and its refusing Logout takes the session's next number and is stored.
 */
final class FixLogonGate extends IoFilterAdapter {

    private static final String ADMITTED = FixLogonGate.class.getName() + ".admitted";
    private static final String REFUSED = FixLogonGate.class.getName() + ".refused";
    private static final int PASSWORD = 554;

    private final FixCompIds compIds;
    private final FixPasswords passwords;

    FixLogonGate(FixCompIds compIds, FixPasswords passwords) {
        this.compIds = compIds;
        this.passwords = passwords;
    }

    @Override
    public void messageReceived(NextFilter next, IoSession connection, Object message) {
        if (connection.containsAttribute(ADMITTED)) {
            next.messageReceived(connection, message);
            return;
        }
        if (connection.containsAttribute(REFUSED)) {
            return; // closing: whatever else it sent is dropped unread
        }
        Message first;
        try {
            first = new Message(message.toString(), false);
        } catch (InvalidMessage | RuntimeException unreadable) {
            connection.closeNow(); // not even a FIX message: nobody to answer
            return;
        }
        String refusal = refusal(first);
        if (refusal == null) {
            connection.setAttribute(ADMITTED);
            next.messageReceived(connection, message);
        } else {
            connection.setAttribute(REFUSED);
            connection.write(logout(first, refusal).toString());
            connection.closeOnFlush();
        }
    }

    /** Why this first message may not log on, or null if it may. */
    private String refusal(Message first) {
        Message.Header header = first.getHeader();
        if (!MsgType.LOGON.equals(header.getOptionalString(MsgType.FIELD).orElse(""))) {
            return "Logon refused: the first message must be a Logon (A)";
        }
        if (!FixGateway.COMP_ID.equals(header.getOptionalString(56).orElse(""))) {
            return "Logon refused: TargetCompID must be " + FixGateway.COMP_ID;
        }
        OptionalInt account = compIds.account(header.getOptionalString(49).orElse(""));
        if (account.isEmpty()) {
            return "Logon refused: unknown SenderCompID";
        }
        if (!passwords.has(account.getAsInt())) {
            return "Logon refused: this account has no FIX password, FIX logon is not enabled for it";
        }
        Optional<String> password = first.getOptionalString(PASSWORD);
        if (password.isEmpty()) {
            return "Logon refused: Password(554) missing";
        }
        return passwords.matches(account.getAsInt(), password.get()) ? null : "Logon refused: wrong Password(554)";
    }

    /** A Logout addressed back to whoever sent {@code first}, numbered 1: it belongs to no session. */
    private static Message logout(Message first, String text) {
        Message.Header theirs = first.getHeader();
        Message logout = ExecutionReports.message(MsgType.LOGOUT);
        Message.Header header = logout.getHeader();
        header.setString(8, theirs.getOptionalString(8).orElse(FixGateway.BEGIN_STRING));
        header.setString(49, theirs.getOptionalString(56).orElse(FixGateway.COMP_ID));
        header.setString(56, theirs.getOptionalString(49).orElse("UNKNOWN"));
        header.setInt(34, 1);
        header.setUtcTimeStamp(52, LocalDateTime.now(ZoneOffset.UTC), true);
        logout.setString(58, text);
        return logout;
    }
}
