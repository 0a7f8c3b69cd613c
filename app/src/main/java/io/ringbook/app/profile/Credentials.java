package io.ringbook.app.profile;

import io.ringbook.admin.AdminToken;
import io.ringbook.admin.AdminTokens;
import io.ringbook.gateway.fix.FixPasswords;
import io.ringbook.gateway.rest.ApiKeys;
import io.ringbook.gateway.rest.RequestSigning;

import java.util.Map;

/**
 * Who may come in: API keys of the order gateway (one key, one account), the signing
 * secrets of accounts that sign, the FIX passwords of accounts that log on over FIX,
 * and the admin API's bearer tokens with their names and roles. Held apart from the
 * reference data because they are never journaled; never printed ({@link #toString()}
 * names no value).
 *
 * @param apiKeys      key to account id
 * @param secrets      account id to signing secret, for the accounts that sign
 * @param fixPasswords account id to FIX password (Logon Password(554)), for the accounts that use FIX
 * @param adminTokens  bearer token to its name and role
 */
public record Credentials(Map<String, Integer> apiKeys, Map<Integer, String> secrets, Map<Integer, String> fixPasswords,
                          Map<String, AdminToken> adminTokens) {

    public Credentials {
        apiKeys = Map.copyOf(apiKeys);
        secrets = Map.copyOf(secrets);
        fixPasswords = Map.copyOf(fixPasswords);
        adminTokens = Map.copyOf(adminTokens);
    }

    public FixPasswords fixLogons() {
        return new FixPasswords(fixPasswords);
    }

    @Override
    public String toString() {
        return "Credentials[" + apiKeys.size() + " API keys, " + secrets.size() + " secrets, " + fixPasswords.size()
                + " FIX passwords, " + adminTokens.size() + " admin tokens]";
    }

    public ApiKeys gatewayKeys() {
        return new ApiKeys(apiKeys, new RequestSigning(secrets));
    }

    public AdminTokens adminKeys() {
        return new AdminTokens(adminTokens);
    }
}
