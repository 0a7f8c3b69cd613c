package io.ringbook.admin;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who did what, when, through the admin API: one JSON line on the {@code ringbook.audit}
 * logger per state-changing call that reached the engine. The engine's journal holds the
 * command itself (what and when, in event time); this adds who (the role of the token,
 * never the token) and from where.
 */
final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("ringbook.audit");

    private AuditLog() {
    }

    static void record(Context ctx, String action, String target) {
        if (LOG.isInfoEnabled()) {
            Object role = ctx.attribute(AdminTokens.ROLE);
            LOG.info("{\"action\":\"{}\",\"target\":\"{}\",\"role\":\"{}\",\"ip\":\"{}\",\"requestId\":\"{}\"}",
                    action, target, role, ctx.ip(), ctx.header("X-Request-Id"));
        }
    }
}
