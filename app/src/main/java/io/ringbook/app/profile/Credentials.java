package io.ringbook.app.profile;

import io.ringbook.admin.AdminToken;
import io.ringbook.admin.AdminTokens;
import io.ringbook.gateway.rest.ApiKeys;
import io.ringbook.gateway.rest.RequestSigning;

import java.util.Map;

/**
 * Who may come in: API keys of the order gateway (one key, one account), the signing
 * secrets of accounts that sign, and the admin API's bearer tokens with their names and roles.
 * Held apart from the reference data because they are never journaled.
 *
 * @param apiKeys     key to account id
 * @param secrets     account id to signing secret, for the accounts that sign
 * @param adminTokens bearer token to its name and role
 */
public record Credentials(Map<String, Integer> apiKeys, Map<Integer, String> secrets, Map<String, AdminToken> adminTokens) {

    public Credentials {
        apiKeys = Map.copyOf(apiKeys);
        secrets = Map.copyOf(secrets);
        adminTokens = Map.copyOf(adminTokens);
    }

    public ApiKeys gatewayKeys() {
        return new ApiKeys(apiKeys, new RequestSigning(secrets));
    }

    public AdminTokens adminKeys() {
        return new AdminTokens(adminTokens);
    }
}
