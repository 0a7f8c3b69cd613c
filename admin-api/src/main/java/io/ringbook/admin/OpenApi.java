package io.ringbook.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.ringbook.web.HttpJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3 description of both HTTP APIs, kept as a
 * resource (the Javalin OpenAPI plugin is not published for Javalin 7) and checked
 * against the routes both servers register by a test. Its {@code servers} are the
 * addresses this process actually listens on, filled in when each server has bound its
 * port: the resource's entries are recognised by their description ("order gateway",
 * "admin API").
 */
final class OpenApi {

    private static final String ORDER_GATEWAY = "order gateway";
    private static final String ADMIN_API = "admin API";

    private final JsonNode template = load();
    private volatile String orderGatewayUrl;
    private volatile String adminUrl;

    /** The admin API listens here. */
    void adminAt(String host, int port) {
        adminUrl = url(host, port);
    }

    /** The order gateway listens here. */
    void orderGatewayAt(String host, int port) {
        orderGatewayUrl = url(host, port);
    }

    void serve(Context ctx) {
        JsonNode document = template.deepCopy();
        document.findParents("url").forEach(server -> rewrite((ObjectNode) server));
        HttpJson.json(ctx, document);
    }

    private void rewrite(ObjectNode server) {
        String description = server.path("description").asText();
        String url = description.equals(ORDER_GATEWAY) ? orderGatewayUrl : description.equals(ADMIN_API) ? adminUrl : null;
        if (url != null) {
            server.put("url", url);
        }
    }

    /** A wildcard address is not one a client can call: the loopback name stands for it. */
    private static String url(String host, int port) {
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        String shown = wildcard ? "localhost" : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port;
    }

    private static JsonNode load() {
        try (InputStream in = OpenApi.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            return HttpJson.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
