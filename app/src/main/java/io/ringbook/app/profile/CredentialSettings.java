package io.ringbook.app.profile;

import io.ringbook.admin.AdminToken;
import io.ringbook.admin.Role;
import io.ringbook.engine.domain.AccountTable;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The credentials of a profile file: each account's API key, optional signing secret
 * and optional FIX password (without one the account cannot log on over FIX), and the
 * admin tokens per role (a token, a list, or a map of name to token). A profile other than the
 * demo's has none built in, so every account needs a key and the admin API at least one
 * token; each is 16 characters or more and used once. Each admin token has a name for
 * the audit log (given, or derived from its role). Values are never repeated in an
 * error message.
 */
final class CredentialSettings {

    static final int MIN_CREDENTIAL_LENGTH = 16;
    private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");

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
        Map<String, AdminToken> tokens = adminTokens(root.node("adminTokens").allowOnly(Set.of("viewer", "operator", "admin")));
        if (tokens.isEmpty()) {
            throw new ConfigException("adminTokens: at least one token is required (viewer, operator or admin: TOKEN)");
        }
        return new Credentials(keys, secrets, fixPasswords, tokens);
    }

    /**
     * Per role a token (named after the role), a list of tokens (named ROLE-1, ROLE-2, ...
     * in order), or a map of name to token; names are unique across roles, as tokens are.
     */
    private static Map<String, AdminToken> adminTokens(ConfigNode tokensNode) {
        Map<String, AdminToken> tokens = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (String roleName : tokensNode.keys()) {
            Role role = Role.valueOf(roleName.toUpperCase(Locale.ROOT));
            for (Map.Entry<String, String> named : namedTokens(tokensNode, roleName).entrySet()) {
                if (!TOKEN_NAME.matcher(named.getKey()).matches()) {
                    throw tokensNode.error(roleName, "token name '" + named.getKey() + "' is not 1-32 letters, digits, '.', '_' or '-'");
                }
                if (!names.add(named.getKey())) {
                    throw tokensNode.error(roleName, "token name '" + named.getKey() + "' is given twice");
                }
                if (tokens.put(named.getValue(), new AdminToken(named.getKey(), role)) != null) {
                    throw tokensNode.error(roleName, "a token is given twice");
                }
            }
        }
        return tokens;
    }

    /** A role's tokens by name, in the file's order. */
    private static Map<String, String> namedTokens(ConfigNode node, String role) {
        Map<String, String> named = new LinkedHashMap<>();
        Object raw = node.raw(role);
        if (raw instanceof Map<?, ?>) {
            ConfigNode byName = node.node(role);
            for (String name : byName.keys()) {
                named.put(name, credential(byName, name));
            }
        } else if (raw instanceof List<?> list) {
            for (Object token : list) {
                named.put(role + "-" + (named.size() + 1), longEnough(node, role, token == null ? "" : token.toString()));
            }
        } else {
            named.put(role, credential(node, role));
        }
        return named;
    }

    private static String credential(ConfigNode node, String key) {
        return longEnough(node, key, node.requiredString(key));
    }

    private static String longEnough(ConfigNode node, String key, String credential) {
        if (credential.length() < MIN_CREDENTIAL_LENGTH) {
            throw node.error(key, "must have at least " + MIN_CREDENTIAL_LENGTH + " characters");
        }
        return credential;
    }
}
