package io.ringbook.gateway.rest;

import io.javalin.http.Context;
import io.ringbook.web.ApiException;
import io.ringbook.web.SecretLookup;

import java.util.Map;
import java.util.OptionalInt;

/** API keys to account ids, looked up by digest ({@link SecretLookup}), and the accounts' signing secrets. */
public final class ApiKeys {

    /** The request attribute holding the authenticated account id. */
    static final String ACCOUNT = "ringbook.account";

    private final SecretLookup<Integer> accounts;
    private final RequestSigning signing;

    /** @param keys API key to account id; no account signs its requests */
    public ApiKeys(Map<String, Integer> keys) {
        this(keys, new RequestSigning(Map.of()));
    }

    /** @param keys API key to account id; {@code signing} holds the secrets of accounts that sign */
    public ApiKeys(Map<String, Integer> keys, RequestSigning signing) {
        this.accounts = new SecretLookup<>(keys);
        this.signing = signing;
    }

    /** The account of the request's {@code X-API-Key}, its signature checked where the account signs; 401 otherwise. */
    int accountOf(Context ctx) {
        int account = account(ctx.header("X-API-Key"))
                .orElseThrow(() -> new ApiException(401, "UNAUTHORIZED", "a valid X-API-Key header is required"));
        signing.verify(ctx, account);
        ctx.attribute(ACCOUNT, account);
        return account;
    }

    /**
     * The account of a stream upgrade: the key as the header or, where a browser cannot
     * send one, as {@code ?apiKey=}; the upgrade signed (method GET, its path and query,
     * empty body) where the account signs; 401 otherwise.
     */
    int streamAccountOf(Context ctx) {
        String header = ctx.header("X-API-Key");
        int account = account(header != null ? header : ctx.queryParam("apiKey"))
                .orElseThrow(() -> new ApiException(401, "UNAUTHORIZED", "a valid X-API-Key header or apiKey parameter is required"));
        signing.verify(ctx, account);
        return account;
    }

    OptionalInt account(String key) {
        return accounts.find(key).map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
