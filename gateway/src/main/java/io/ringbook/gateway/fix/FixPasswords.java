package io.ringbook.gateway.fix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * Each account's FIX password, which its Logon must carry in Password(554) (API.md).
 * An account without one cannot log on over FIX. Compared in constant time; never
 * printed ({@link #toString()} says how many there are, not what they are).
 */
public final class FixPasswords {

    private final Map<Integer, byte[]> byAccount = new HashMap<>();

    /** @param passwords account id to its FIX password */
    public FixPasswords(Map<Integer, String> passwords) {
        passwords.forEach((account, password) -> byAccount.put(account, password.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the account has a FIX password at all. */
    boolean has(int account) {
        return byAccount.containsKey(account);
    }

    /** Whether {@code password} is the account's; false for an account without one. */
    boolean matches(int account, String password) {
        byte[] expected = byAccount.get(account);
        return expected != null && password != null && MessageDigest.isEqual(expected, password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "FixPasswords[" + byAccount.size() + " accounts]";
    }
}
