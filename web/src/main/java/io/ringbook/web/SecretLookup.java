package io.ringbook.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials (API keys, admin tokens) to what they grant, looked up by their SHA-256
 * digest: the time a lookup takes says nothing about how much of a guessed secret was
 * right, and the secrets themselves are not kept.
 */
public final class SecretLookup<V> {

    /** One digest per thread: looking up a provider per request costs more than the digest. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private final Map<String, V> byDigest = new HashMap<>();

    public SecretLookup(Map<String, V> secrets) {
        secrets.forEach((secret, value) -> byDigest.put(digest(secret), value));
    }

    public Optional<V> find(String secret) {
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byDigest.get(digest(secret)));
    }

    private static String digest(String secret) {
        return HexFormat.of().formatHex(SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
