package io.ringbook.gateway.fix;

import quickfix.SessionID;
import quickfix.SessionSettings;

import java.nio.file.Path;

/**
 * Settings of a QuickFIX/J initiator that logs on to this gateway as one account, with
 * its FIX password: what the tests and the FIX load harness connect with. With a store directory, sequence
 * numbers persist and the FIX44 dictionary validates what arrives; without one, each
 * logon starts afresh and nothing is validated (the harness measures the gateway, not
 * its own checks).
 */
public final class FixInitiators {

    private FixInitiators() {
    }

    public static SessionID session(String account) {
        return new SessionID(FixGateway.BEGIN_STRING, account, FixGateway.COMP_ID);
    }

    /** @param password the account's FIX password, sent in the Logon's Password(554); null sends none */
    public static SessionSettings settings(String account, String password, int port, Path store) {
        SessionID session = session(account);
        SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("SocketConnectHost", "127.0.0.1");
        settings.setLong("SocketConnectPort", port);
        settings.setLong("HeartBtInt", 30);
        settings.setLong("ReconnectInterval", 1);
        settings.setString("NonStopSession", "Y");
        settings.setString("SocketTcpNoDelay", "Y");
        if (store == null) {
            settings.setString("UseDataDictionary", "N");
            settings.setString("ResetOnLogon", "Y");
        } else {
            settings.setString("UseDataDictionary", "Y");
            settings.setString("DataDictionary", "FIX44.xml");
            settings.setString("FileStorePath", store.toString());
        }
        settings.setString(session, "BeginString", FixGateway.BEGIN_STRING);
        settings.setString(session, "SenderCompID", account);
        settings.setString(session, "TargetCompID", FixGateway.COMP_ID);
        if (password != null) {
            settings.setString(session, "LogonTag", "554=" + password);
        }
        return settings;
    }
}
