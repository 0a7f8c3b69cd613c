package io.ringbook.gateway.fix;

import java.util.Map;

/**
 * How the acceptor treats its sessions, one per account.
 *
 * @param resetOnLogon         a logon resets sequence numbers (off: they persist across restarts)
 * @param cancelOnDisconnect   a session's logout or lost connection cancels its orders, unless the account says otherwise
 * @param senderCompIds        account name to SenderCompID, for accounts that do not log on with their name
 * @param cancelOnDisconnectOf account name to its own cancel-on-disconnect, for accounts that differ from the default
 */
public record FixSessionOptions(boolean resetOnLogon, boolean cancelOnDisconnect, Map<String, String> senderCompIds,
                                Map<String, Boolean> cancelOnDisconnectOf) {

    /** API.md's: sequence numbers persist, cancel-on-disconnect on, CompID = account name. */
    public static final FixSessionOptions DEFAULTS = new FixSessionOptions(false, true, Map.of(), Map.of());

    public FixSessionOptions {
        senderCompIds = Map.copyOf(senderCompIds);
        cancelOnDisconnectOf = Map.copyOf(cancelOnDisconnectOf);
    }

    /** Whether the account's orders are canceled when its session goes away. */
    public boolean cancelsOnDisconnect(String account) {
        return cancelOnDisconnectOf.getOrDefault(account, cancelOnDisconnect);
    }
}
