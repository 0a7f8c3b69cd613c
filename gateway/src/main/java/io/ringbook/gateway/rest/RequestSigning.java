package io.ringbook.gateway.rest;

import io.javalin.http.Context;
import io.ringbook.web.ApiException;
import io.ringbook.web.HttpJson;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Optional request signing per account (API.md): where an account has a secret, every
 * request needs {@code X-Timestamp} (epoch ms, within 5 s of the server's clock) and
 * {@code X-Signature} = hex HMAC-SHA256(secret, timestamp + method + path + query + body),
 * where query is {@code ?} and the raw query string when there is one. A signature is
 * accepted once: a replay within the window is refused like a bad one (401).
 */
public final class RequestSigning {

    private static final long WINDOW_MILLIS = 5_000;

    private final Map<Integer, byte[]> secrets;
    private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();

    /** @param secrets account id to secret; accounts without one send unsigned requests */
    public RequestSigning(Map<Integer, String> secrets) {
        this.secrets = new ConcurrentHashMap<>();
        secrets.forEach((account, secret) -> this.secrets.put(account, secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** Checks the request of {@code account}; 401 if the account signs and this request is not properly signed. */
    void verify(Context ctx, int account) {
        byte[] secret = secrets.get(account);
        if (secret == null) {
            return;
        }
        String timestamp = ctx.header("X-Timestamp");
        String signature = ctx.header("X-Signature");
        long now = System.currentTimeMillis();
        long sent;
        try {
            sent = timestamp == null ? Long.MIN_VALUE : Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            sent = Long.MIN_VALUE;
        }
        if (signature == null || sent == Long.MIN_VALUE || Math.abs(now - sent) > WINDOW_MILLIS) {
            throw unauthorized("signed requests need X-Timestamp within 5 s of /api/v1/time and X-Signature");
        }
        String query = ctx.queryString();
        String payload = timestamp + ctx.method().name() + ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query) + HttpJson.body(ctx);
        byte[] expected = hmac(secret, payload);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.toLowerCase());
        } catch (IllegalArgumentException e) {
            throw unauthorized("X-Signature must be hex");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw unauthorized("X-Signature does not match the request");
        }
        seen.values().removeIf(time -> time < now - 2 * WINDOW_MILLIS);
        if (seen.putIfAbsent(signature.toLowerCase(), now) != null) {
            throw unauthorized("this signature was used already");
        }
    }

    /** The signature of a payload with a secret, hex; for clients and tests. */
    public static String sign(String secret, String payload) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), payload));
    }

    private static byte[] hmac(byte[] secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, "UNAUTHORIZED", message);
    }
}
