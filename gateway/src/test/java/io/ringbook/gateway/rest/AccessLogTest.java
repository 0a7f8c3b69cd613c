package io.ringbook.gateway.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessLogTest {

    @Test
    void shouldLogOneJsonLinePerRequestWithTheAccountButNeverTheKey() throws Exception {
        Logger access = (Logger) LoggerFactory.getLogger("ringbook.access");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        access.addAppender(lines);
        access.setLevel(Level.INFO);
        try (GatewayFixture gateway = new GatewayFixture()) {
            gateway.limit("t1-key", "BUY", 10, 1);
            gateway.get(null, "/api/v1/nothing");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (lines.list.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            access.detachAppender(lines);
        }
        List<JsonNode> logged = lines.list.stream().map(e -> {
            try {
                return GatewayFixture.parse(e.getFormattedMessage());
            } catch (Exception ex) {
                throw new AssertionError(e.getFormattedMessage(), ex);
            }
        }).toList();
        JsonNode order = logged.stream().filter(l -> l.get("method").asText().equals("POST")).findFirst().orElseThrow();
        assertEquals("/api/v1/orders", order.get("path").asText());
        assertEquals(201, order.get("status").asInt());
        assertEquals("T1", order.get("principal").asText());
        assertFalse(order.get("requestId").asText().isEmpty());
        assertTrue(lines.list.stream().noneMatch(e -> e.getFormattedMessage().contains("t1-key")), "keys are never logged");
        assertTrue(logged.stream().anyMatch(l -> l.get("status").asInt() == 404 && l.get("principal").isNull()));
    }
}
