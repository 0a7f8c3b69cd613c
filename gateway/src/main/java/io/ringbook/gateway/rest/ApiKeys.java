package io.ringbook.gateway.rest;

import io.ringbook.web.ApiException;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalInt;

/**
 * API keys to account ids. Keys are looked up by their SHA-256 digest, so the time a
 * lookup takes says nothing about how much of a guessed key was right.
 */
public final class ApiKeys {

    private final Map<String, Integer> accountByDigest = new HashMap<>();
    private final RequestSigning signing;

    /** @param keys API key to account id; no account signs its requests */
    public ApiKeys(Map<String, Integer> keys) {
        this(keys, new RequestSigning(Map.of()));
    }

    /** @param keys API key to account id; {@code signing} holds the secrets of accounts that sign */
    public ApiKeys(Map<String, Integer> keys, RequestSigning signing) {
        keys.forEach((key, account) -> accountByDigest.put(digest(key), account));
        this.signing = signing;
    }

    /** The account of the request's {@code X-API-Key}, its signature checked where the account signs; 401 otherwise. */
    int accountOf(Context ctx) {
        int account = account(ctx.header("X-API-Key"))
                .orElseThrow(() -> new ApiException(401, "UNAUTHORIZED", "a valid X-API-Key header is required"));
        signing.verify(ctx, account);
        ctx.attribute(AccessLog.ACCOUNT, account);
        return account;
    }

    OptionalInt account(String key) {
        if (key == null || key.isEmpty()) {
            return OptionalInt.empty();
        }
        Integer account = accountByDigest.get(digest(key));
        return account == null ? OptionalInt.empty() : OptionalInt.of(account);
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
