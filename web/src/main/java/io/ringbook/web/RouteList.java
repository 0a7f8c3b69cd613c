package io.ringbook.web;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;

import java.util.List;

/** The HTTP routes a started server answers, as {@code "METHOD /path"}: what the OpenAPI description is checked against. */
public final class RouteList {

    private RouteList() {
    }

    public static List<String> of(Javalin server) {
        return server.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.endpoint.method.isHttpMethod() && e.endpoint.method != HandlerType.HEAD)
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .toList();
    }
}
