package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.MsgType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the FIX tests share besides the demo engine: client stores per test, real
 * QuickFIX/J initiators, and FIX 4.4 messages.
 */
abstract class FixDemoTest extends DemoEngineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path clients;

    FixClient client(String compId) throws Exception {
        FixClient client = new FixClient(compId, engine.fixPort(), clients.resolve(compId));
        assertTrue(client.awaitLogon(10), compId + " logs on");
        return client;
    }

    JsonNode rest(String key, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + engine.restPort() + path)).header("X-API-Key", key).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    HttpResponse<String> post(String key, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.restPort() + path))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Message order(String clOrdId, String symbol, char side, String price, String qty) {
        Message m = message(MsgType.NEW_ORDER_SINGLE);
        m.setString(11, clOrdId);
        m.setString(55, symbol);
        m.setChar(54, side);
        m.setChar(40, '2');
        m.setString(44, price);
        m.setString(38, qty);
        m.setChar(59, '1');
        m.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return m;
    }

    static Message replace(String clOrdId, String orig, char side, String price, String qty) {
        Message m = message(MsgType.ORDER_CANCEL_REPLACE_REQUEST);
        m.setString(11, clOrdId);
        m.setString(41, orig);
        m.setString(55, "TEST");
        m.setChar(54, side);
        m.setChar(40, '2');
        if (price != null) {
            m.setString(44, price);
        }
        m.setString(38, qty);
        m.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return m;
    }

    static Message cancel(String clOrdId, String orig) {
        Message m = message(MsgType.ORDER_CANCEL_REQUEST);
        m.setString(11, clOrdId);
        m.setString(41, orig);
        m.setString(55, "TEST");
        m.setChar(54, '2');
        m.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return m;
    }

    static Message statusRequest(String clOrdId, String symbol, char side) {
        Message status = message(MsgType.ORDER_STATUS_REQUEST);
        status.setString(11, clOrdId);
        status.setChar(54, side);
        status.setString(55, symbol);
        return status;
    }

    static Message message(String type) {
        Message m = new Message();
        m.getHeader().setString(MsgType.FIELD, type);
        return m;
    }
}
