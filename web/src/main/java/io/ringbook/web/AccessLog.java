package io.ringbook.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per request on the {@code ringbook.access} logger, for both HTTP APIs:
 * method, path, status, latency, who (the account of an API key, the role of an admin
 * token) and request id. Never a key, a token, a signature, a secret or a body.
 */
public final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("ringbook.access");

    private AccessLog() {
    }

    /** @param principal who made the request, or null if nobody authenticated */
    public static void log(Context ctx, Float millis, String principal) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("method", ctx.method().name());
        line.put("path", ctx.path());
        line.put("status", ctx.statusCode());
        line.put("latencyMs", millis);
        line.put("principal", principal);
        line.put("requestId", ctx.res().getHeader("X-Request-Id"));
        LOG.info(line.toString());
    }
}
