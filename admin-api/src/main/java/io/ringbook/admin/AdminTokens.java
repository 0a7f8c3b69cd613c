package io.ringbook.admin;

import io.javalin.http.Context;
import io.ringbook.web.ApiException;
import io.ringbook.web.HttpJson;
import io.ringbook.web.SecretLookup;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens to their names and roles. A request without a valid token is 401; one
 * whose role is too low for the route is 403. The token granted (its name and role,
 * never the secret) is kept on the request for the access and audit logs.
 */
public final class AdminTokens {

    static final String TOKEN = "ringbook.adminToken";

    private final SecretLookup<AdminToken> tokens;

    /** @param tokens each bearer token to what it stands for */
    public AdminTokens(Map<String, AdminToken> tokens) {
        this.tokens = new SecretLookup<>(tokens);
    }

    /** Checks that the request's token grants {@code needed}. */
    void require(Context ctx, Role needed) {
        AdminToken token = presented(ctx).orElse(null);
        if (token == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "UNAUTHORIZED", "a valid Authorization: Bearer token is required");
        }
        if (!token.role().includes(needed)) {
            throw new ApiException(403, "FORBIDDEN", "this needs the " + needed.name().toLowerCase(Locale.ROOT) + " role");
        }
        ctx.attribute(TOKEN, token);
    }

    /**
     * {@code GET /admin/v1/whoami} (an addition to API.md): the name and role of the
     * caller's token, so that the dashboard offers only the actions the role may take.
     */
    void whoami(Context ctx) {
        AdminToken token = ctx.attribute(TOKEN);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("token", token.name());
        json.put("role", token.role().name().toLowerCase(Locale.ROOT));
        HttpJson.json(ctx, json);
    }

    /** The valid token the request carries, if any (routes without auth show more to those who have one). */
    Optional<AdminToken> presented(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.startsWith("Bearer ") ? tokens.find(header.substring(7).trim()) : Optional.empty();
    }
}
