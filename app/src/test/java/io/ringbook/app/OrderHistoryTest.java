package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.ringbook.app.TestHttp.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Order and fill history served from the journal (API.md): {@code from}/{@code to} select
 * by event time, pages are newest first and bounded by {@code limit}, and {@code fromId}
 * continues below the previous page; the answers are read from the output journal on
 * disk, through the real REST door, also after a restart.
 */
class OrderHistoryTest extends DemoEngineTest {

    @Test
    void shouldPageOrdersAndFillsFromTheJournalNewestFirst() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(201, order("t1-key", "h-" + i, "SELL", Integer.toString(100 + i), "1").statusCode());
        }
        assertEquals(201, order("t2-key", "take-1", "BUY", "101", "2").statusCode(), "takes h-0 and h-1");
        engine.close();
        start();

        List<String> clOrdIds = new ArrayList<>();
        String page = "/api/v1/orders?from=2000-01-01T00:00:00Z&limit=2";
        for (int pages = 0; pages < 5; pages++) {
            JsonNode orders = ok(get(page));
            if (orders.isEmpty()) {
                break;
            }
            assertTrue(orders.size() <= 2, "bounded by limit: " + orders);
            for (JsonNode order : orders) {
                clOrdIds.add(order.get("clOrdId").asText());
            }
            page = "/api/v1/orders?from=2000-01-01T00:00:00Z&limit=2&fromId=" + orders.get(orders.size() - 1).get("orderId").asLong();
        }
        assertEquals(List.of("h-4", "h-3", "h-2", "h-1", "h-0"), clOrdIds, "every order once, newest first");

        JsonNode filled = ok(get("/api/v1/orders?fromId=3&limit=1"));
        assertEquals("h-1", filled.get(0).get("clOrdId").asText());
        assertEquals("FILLED", filled.get(0).get("status").asText(), "its latest state");
        assertEquals(1, filled.get(0).get("fills").size(), "with its fills");
        assertEquals(0, ok(get("/api/v1/orders?to=2000-01-01T00:00:00Z")).size(), "nothing before 2000");
        assertEquals(2, ok(get("/api/v1/orders?from=2000-01-01T00:00:00Z&symbol=TEST&limit=2")).size());

        JsonNode fills = ok(get("/api/v1/fills?from=2000-01-01T00:00:00Z&limit=1"));
        assertEquals(1, fills.size());
        assertEquals("h-1", fills.get(0).get("clOrdId").asText(), "the newest fill first");
        JsonNode older = ok(get("/api/v1/fills?fromId=" + fills.get(0).get("tradeId").asLong()));
        assertEquals(1, older.size());
        assertEquals("h-0", older.get(0).get("clOrdId").asText());

        assertEquals(400, get("/api/v1/orders?from=2000-01-01T00:00:00Z&status=OPEN").statusCode(), "status does not combine");
        assertEquals(400, get("/api/v1/orders?from=yesterday").statusCode());
        assertEquals(400, get("/api/v1/fills?fromId=0").statusCode());
        assertEquals(400, get("/api/v1/orders?from=2000-01-01T00:00:00Z&limit=1001").statusCode(), "at most 1000 per call");
    }

    private HttpResponse<String> order(String key, String clOrdId, String side, String price, String qty) throws Exception {
        return TestHttp.at(engine.restPort()).key(key).post("/api/v1/orders", TestHttp.limitOrder(clOrdId, "TEST", side, price, qty));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return TestHttp.at(engine.restPort()).key("t1-key").get(path);
    }

}
