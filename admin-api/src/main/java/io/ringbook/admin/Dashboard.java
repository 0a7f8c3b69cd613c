package io.ringbook.admin;

import io.javalin.http.Context;

/**
 * The operator dashboard is static files ({@code /dashboard} in the jar: plain HTML, CSS
 * and JS, no build step) served at {@code /}; this gives the page its content security
 * policy: only its own scripts, styles and API calls, and no framing.
 */
final class Dashboard {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private Dashboard() {
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
    }
}
