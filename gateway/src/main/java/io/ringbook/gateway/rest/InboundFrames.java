package io.ringbook.gateway.rest;

import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;

/**
 * How many frames a client has sent, control frames included: Javalin hands the
 * application text and binary messages only, but a client that keeps its connection
 * alive with protocol-level pings is not idle. Jetty's connection counts every frame it
 * parses; the stream thread compares the count between passes.
 */
final class InboundFrames {

    private InboundFrames() {
    }

    /** Frames received on the session so far, or -1 where the session is not Jetty's (then text frames alone count). */
    static long count(Session session) {
        if (session instanceof WebSocketSession jetty && jetty.getCoreSession() instanceof WebSocketCoreSession core) {
            WebSocketConnection connection = core.getConnection();
            return connection == null ? -1 : connection.getMessagesIn();
        }
        return -1;
    }
}
