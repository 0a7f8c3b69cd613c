package io.ringbook.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Locale;

/**
 * Who did what, when, through the admin API: one JSON line on the {@code ringbook.audit}
 * logger per state-changing call that reached the engine. The engine's journal holds the
 * command itself (what and when, in event time); this adds who (the name and role of the
 * token, never the token) and from where. Lines are built by a JSON writer, so whatever a
 * client puts in {@code X-Request-Id} stays one string value and cannot forge a field.
 */
final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("ringbook.audit");

    private AuditLog() {
    }

    static void record(Context ctx, String action, String target) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        AdminToken token = ctx.attribute(AdminTokens.TOKEN);
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("time", Instant.now().toString());
        line.put("action", action);
        line.put("target", target);
        line.put("token", token == null ? null : token.name());
        line.put("role", token == null ? null : token.role().name().toLowerCase(Locale.ROOT));
        line.put("ip", ctx.ip());
        line.put("requestId", ctx.res().getHeader("X-Request-Id"));
        LOG.info(line.toString());
    }
}
