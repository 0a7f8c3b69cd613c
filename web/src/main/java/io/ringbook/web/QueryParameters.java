package io.ringbook.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.ringbook.engine.domain.ClientText;

import java.util.List;
import java.util.Set;

/**
 * The query parameters a route accepts, checked before its handler runs (API.md,
 * "Common rules"): any other parameter is refused with 400 {@code UNKNOWN_FIELD} naming
 * it, so that a typo ({@code ?acct=T1} for {@code ?account=T1}) never widens what a call
 * does. Routes are registered through {@link #only}, with an empty list for a route that
 * takes none.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The handler, refusing a request that carries a query parameter not named here. */
    public static Handler only(Handler handler, String... accepted) {
        List<String> names = List.of(accepted);
        return ctx -> {
            check(ctx, names);
            handler.handle(ctx);
        };
    }

    /** Refuses the request if it carries a query parameter not in {@code accepted}. */
    public static void check(Context ctx, List<String> accepted) {
        Set<String> present = ctx.queryParamMap().keySet();
        for (String name : present) {
            if (!accepted.contains(name)) {
                throw ApiException.badRequest("UNKNOWN_FIELD", "unknown query parameter '" + ClientText.quote(name) + "'; "
                        + (accepted.isEmpty() ? "this route takes no query parameters" : "this route takes " + String.join(", ", accepted)));
            }
        }
    }
}
