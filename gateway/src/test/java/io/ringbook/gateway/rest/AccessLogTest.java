package io.ringbook.gateway.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessLogTest {

    @Test
    void shouldLogOneJsonLinePerRequestWithTheAccountButNeverTheKey() throws Exception {
        List<JsonNode> logged = loggedWhile(gateway -> {
            gateway.limit("t1-key", "BUY", 10, 1);
            gateway.get(null, "/api/v1/nothing");
        });
        JsonNode order = logged.stream().filter(l -> l.get("method").asText().equals("POST")).findFirst().orElseThrow();
        assertEquals("/api/v1/orders", order.get("path").asText());
        assertEquals(201, order.get("status").asInt());
        assertEquals("T1", order.get("principal").asText());
        assertFalse(order.get("requestId").asText().isEmpty());
        assertTrue(logged.stream().noneMatch(l -> l.toString().contains("t1-key")), "keys are never logged");
        assertTrue(logged.stream().anyMatch(l -> l.get("status").asInt() == 404 && l.get("principal").isNull()));
    }

    @Test
    void shouldWriteEveryLineOfTheRequestsAnsweredBeforeACleanStop() throws Exception {
        int requests = 1_500;
        List<JsonNode> logged = loggedWhile(gateway -> {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(gateway.http().sendAsync(HttpRequest.newBuilder(URI.create(gateway.base() + "/api/v1/time"))
                        .header("X-Request-Id", "r-" + i).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                assertEquals(200, answer.get().statusCode());
            }
        });
        assertEquals(requests, logged.size(), "every answered request has its line once the gateway has stopped");
        assertEquals(requests, logged.stream().map(l -> l.get("requestId").asText()).distinct().count());
    }

    /** The access log's lines (several may share a logging event) written while {@code use} runs and the gateway stops, with no waiting after the stop. */
    private static List<JsonNode> loggedWhile(GatewayUse use) throws Exception {
        Logger access = (Logger) LoggerFactory.getLogger("ringbook.access");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        access.addAppender(events);
        access.setLevel(Level.INFO);
        try (GatewayFixture gateway = new GatewayFixture()) {
            use.run(gateway);
        } finally {
            access.detachAppender(events);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (ILoggingEvent event : events.list) {
            for (String line : event.getFormattedMessage().split("\n")) {
                lines.add(GatewayFixture.parse(line));
            }
        }
        return lines;
    }

    private interface GatewayUse {
        void run(GatewayFixture gateway) throws Exception;
    }
}
