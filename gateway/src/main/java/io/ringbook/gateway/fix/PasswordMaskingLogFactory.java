package io.ringbook.gateway.fix;

import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SLF4JLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.util.regex.Pattern;

/**
 * QuickFIX/J's SLF4J logs with Password(554) blanked out of every line, so that a Logon
 * (incoming on the acceptor, outgoing on an initiator) never writes a FIX password to a
 * log, whatever level the logs are set to.
 */
public final class PasswordMaskingLogFactory implements LogFactory {

    private static final Pattern PASSWORD = Pattern.compile("(^|\u0001)554=[^\u0001]*");

    private final LogFactory logs;

    public PasswordMaskingLogFactory(SessionSettings settings) {
        this.logs = new SLF4JLogFactory(settings);
    }

    @Override
    public Log create(SessionID sessionID) {
        Log log = logs.create(sessionID);
        return new Log() {
            @Override
            public void clear() {
                log.clear();
            }

            @Override
            public void onIncoming(String message) {
                log.onIncoming(mask(message));
            }

            @Override
            public void onOutgoing(String message) {
                log.onOutgoing(mask(message));
            }

            @Override
            public void onEvent(String text) {
                log.onEvent(mask(text));
            }

            @Override
            public void onErrorEvent(String text) {
                log.onErrorEvent(mask(text));
            }

            @Override
            public void onWarnEvent(String text) {
                log.onWarnEvent(mask(text));
            }
        };
    }

    /** The text with the value of every 554 field replaced by asterisks (most lines have none: no regex then). */
    static String mask(String text) {
        return text == null || !text.contains("554=") ? text : PASSWORD.matcher(text).replaceAll("$1554=***");
    }
}
