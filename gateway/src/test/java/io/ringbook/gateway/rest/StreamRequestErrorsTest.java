package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stream requests that go wrong, as a client meets them over a real WebSocket: a channel
 * typo is a channel error (not an unknown symbol), every answer echoes the client's
 * request id, and a refused upgrade says why in the contract's JSON body without setting
 * a session cookie.
 */
class StreamRequestErrorsTest {

    @AutoClose
    private final GatewayFixture gateway = new GatewayFixture();

    @Test
    void shouldAnswerAChannelTypoWithAChannelErrorEchoingTheRequestId() throws Exception {
        WsClient.Frames frames = new WsClient.Frames();
        WebSocket ws = WsClient.connect(gateway, "t1-key", frames);
        WsClient.send(ws, "{\"op\":\"subscribe\",\"channel\":\"boook\",\"symbol\":\"TEST\",\"id\":\"req-1\"}");
        JsonNode typo = frames.next(WsClient.type("error"));
        assertEquals("INVALID_FIELD", typo.at("/error/code").asText(), typo.toString());
        assertTrue(typo.at("/error/message").asText().contains("unknown channel 'boook'; channels are book, ticker, trades, orders"),
                typo.toString());
        assertEquals("req-1", typo.get("id").asText());

        WsClient.send(ws, "{\"op\":\"subscribe\",\"channel\":\"book\",\"symbol\":\"NOPE\",\"id\":2}");
        JsonNode symbol = frames.next(WsClient.type("error"));
        assertEquals("UNKNOWN_SYMBOL", symbol.at("/error/code").asText());
        assertEquals(2, symbol.get("id").asInt(), "a numeric id comes back as a number");

        WsClient.send(ws, "{\"op\":\"subscribe\",\"channel\":\"ticker\",\"symbol\":\"TEST\",\"id\":3}");
        JsonNode subscribed = frames.next(WsClient.type("subscribed"));
        assertEquals(3, subscribed.get("id").asInt());
        WsClient.send(ws, "{\"op\":\"ping\",\"id\":\"p\"}");
        assertEquals("p", frames.next(WsClient.type("pong")).get("id").asText());
        WsClient.send(ws, "{\"op\":\"ping\"}");
        assertFalse(frames.next(WsClient.type("pong")).has("id"), "no id asked, none given");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    @Test
    void shouldRefuseABadKeyAtTheUpgradeWithAJsonBodyAndNoCookie() throws Exception {
        String response = upgrade("/api/v1/stream?apiKey=wrong");
        assertTrue(response.startsWith("HTTP/1.1 401"), response);
        assertTrue(response.contains("{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":"), response);
        assertFalse(response.toLowerCase().contains("set-cookie"), "no session, no cookie: " + response);

        String unknown = upgrade("/api/v1/stream?apiKey=t1-key&api_key=t1-key");
        assertTrue(unknown.startsWith("HTTP/1.1 400") && unknown.contains("UNKNOWN_FIELD") && unknown.contains("'api_key'"), unknown);
    }

    /** A WebSocket upgrade request written by hand, and the whole response the server sends before closing. */
    private String upgrade(String path) throws Exception {
        URI base = URI.create(gateway.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            byte[] buffer = new byte[4096];
            for (int n; !response.toString().contains("}}") && (n = in.read(buffer)) > 0; ) {
                response.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return response.toString();
        }
    }
}
