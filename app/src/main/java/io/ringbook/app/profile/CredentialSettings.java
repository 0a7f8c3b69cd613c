package io.ringbook.app.profile;

import io.ringbook.admin.Role;
import io.ringbook.engine.domain.AccountTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The credentials of a profile file: each account's API key, optional signing secret
 * and optional FIX password (without one the account cannot log on over FIX), and the admin tokens per role (a token or a list). A profile other than the
 * demo's has none built in, so every account needs a key and the admin API at least one
 * token; each is 16 characters or more and used once. Values are never repeated in an
 * error message.
 */
final class CredentialSettings {

    static final int MIN_CREDENTIAL_LENGTH = 16;

    private CredentialSettings() {
    }

    static Credentials read(ConfigNode root, AccountTable accounts) {
        ConfigNode accountsNode = root.node("accounts");
        Map<String, Integer> keys = new LinkedHashMap<>();
        Map<Integer, String> secrets = new LinkedHashMap<>();
        Map<Integer, String> fixPasswords = new LinkedHashMap<>();
        for (String name : accountsNode.keys()) {
            ConfigNode account = accountsNode.node(name).allowOnly(Set.of("apiKey", "secret", "fixPassword", "fixCompId",
                    "fixCancelOnDisconnect"));
            int id = accounts.find(name).orElseThrow();
            if (keys.put(credential(account, "apiKey"), id) != null) {
                throw account.error("apiKey", "is the key of another account as well");
            }
            if (account.has("secret")) {
                secrets.put(id, credential(account, "secret"));
            }
            if (account.has("fixPassword")) {
                fixPasswords.put(id, credential(account, "fixPassword"));
            }
        }
        ConfigNode tokensNode = root.node("adminTokens").allowOnly(Set.of("viewer", "operator", "admin"));
        Map<String, Role> tokens = new LinkedHashMap<>();
        for (String role : tokensNode.keys()) {
            for (String token : tokenList(tokensNode, role)) {
                if (tokens.put(token, Role.valueOf(role.toUpperCase(Locale.ROOT))) != null) {
                    throw tokensNode.error(role, "a token is given twice");
                }
            }
        }
        if (tokens.isEmpty()) {
            throw new ConfigException("adminTokens: at least one token is required (viewer, operator or admin: TOKEN)");
        }
        return new Credentials(keys, secrets, fixPasswords, tokens);
    }

    private static String credential(ConfigNode node, String key) {
        return longEnough(node, key, node.requiredString(key));
    }

    /** A role's token, or its list of tokens. */
    private static List<String> tokenList(ConfigNode node, String role) {
        if (!(node.raw(role) instanceof List<?> list)) {
            return List.of(credential(node, role));
        }
        List<String> tokens = new ArrayList<>();
        for (Object token : list) {
            tokens.add(longEnough(node, role, token == null ? "" : token.toString()));
        }
        return tokens;
    }

    private static String longEnough(ConfigNode node, String key, String credential) {
        if (credential.length() < MIN_CREDENTIAL_LENGTH) {
            throw node.error(key, "must have at least " + MIN_CREDENTIAL_LENGTH + " characters");
        }
        return credential;
    }
}
