package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.ringbook.engine.domain.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per request on the {@code ringbook.access} logger: method, path, status,
 * latency, account and request id. Never the API key, a signature, a secret or a body.
 */
final class AccessLog {

    static final String ACCOUNT = "ringbook.account";
    private static final Logger LOG = LoggerFactory.getLogger("ringbook.access");

    private AccessLog() {
    }

    static void log(Context ctx, Float millis, ReferenceData referenceData) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("method", ctx.method().name());
        line.put("path", ctx.path());
        line.put("status", ctx.statusCode());
        line.put("latencyMs", millis);
        Integer account = ctx.attribute(ACCOUNT);
        line.put("account", account == null ? null : referenceData.accounts().name(account));
        line.put("requestId", ctx.res().getHeader("X-Request-Id"));
        LOG.info(line.toString());
    }
}
