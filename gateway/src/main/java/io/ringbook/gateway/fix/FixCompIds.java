package io.ringbook.gateway.fix;

import io.ringbook.engine.domain.AccountTable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which SenderCompID each account logs on with: its name, unless the configuration
 * gives another. One per account, never {@code RINGBOOK}; a CompID that names no
 * account has no session and is refused at logon.
 */
final class FixCompIds {

    private final List<String> byAccount;
    private final Map<String, Integer> accounts = new HashMap<>();

    /** @param configured account name to SenderCompID, for the accounts that do not use their name */
    FixCompIds(AccountTable table, Map<String, String> configured) {
        this.byAccount = table.all().stream().map(name -> configured.getOrDefault(name, name)).toList();
        for (int account = 0; account < byAccount.size(); account++) {
            String compId = byAccount.get(account);
            if (compId.equals(FixGateway.COMP_ID) || accounts.put(compId, account) != null) {
                throw new IllegalArgumentException("SenderCompID " + compId + " is " + (compId.equals(FixGateway.COMP_ID)
                        ? "the acceptor's own" : "given to two accounts"));
            }
        }
        for (String name : configured.keySet()) {
            if (table.find(name).isEmpty()) {
                throw new IllegalArgumentException("a SenderCompID for " + name + ", which is no account");
            }
        }
    }

    /** All of them, in account order. */
    List<String> all() {
        return byAccount;
    }

    OptionalInt account(String compId) {
        Integer account = accounts.get(compId);
        return account == null ? OptionalInt.empty() : OptionalInt.of(account);
    }
}
