package io.ringbook.admin;

import io.javalin.http.Context;
import io.ringbook.web.ApiException;
import io.ringbook.web.SecretLookup;

import java.util.Map;

/**
 * Bearer tokens to roles. A request without a valid token is 401; one whose role is too
 * low for the route is 403. The role granted is kept on the request for the audit log.
 */
public final class AdminTokens {

    static final String ROLE = "ringbook.role";

    private final SecretLookup<Role> roles;

    public AdminTokens(Map<String, Role> tokens) {
        this.roles = new SecretLookup<>(tokens);
    }

    /** Checks that the request's token grants {@code needed}. */
    void require(Context ctx, Role needed) {
        String header = ctx.header("Authorization");
        Role role = header != null && header.startsWith("Bearer ") ? roles.find(header.substring(7).trim()).orElse(null) : null;
        if (role == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "UNAUTHORIZED", "a valid Authorization: Bearer token is required");
        }
        if (!role.includes(needed)) {
            throw new ApiException(403, "FORBIDDEN", "this needs the " + needed.name().toLowerCase() + " role");
        }
        ctx.attribute(ROLE, role);
    }
}
