package io.ringbook.gateway.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.ringbook.web.AccessLog;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

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

    @Test
    void shouldKeepWritingAndCountWhatWasLostWhenTheBackendThrows() throws Exception {
        int lost = 40;
        int kept = 60;
        Logger access = (Logger) LoggerFactory.getLogger("ringbook.access");
        Logger trouble = (Logger) LoggerFactory.getLogger(AccessLog.class);
        FailingAppender events = new FailingAppender();
        events.start();
        ListAppender<ILoggingEvent> reports = new ListAppender<>();
        reports.start();
        access.addAppender(events);
        access.setLevel(Level.INFO);
        trouble.addAppender(reports);
        try (GatewayFixture gateway = new GatewayFixture()) {
            events.failing = true;
            for (int i = 0; i < lost; i++) {
                timeWithRequestId(gateway, "lost-" + i);
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (events.refused.size() < lost && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(lost, events.refused.size(), "every line of the failing phase reached the failing appender");
            events.failing = false;
            for (int i = 0; i < kept; i++) {
                timeWithRequestId(gateway, "kept-" + i);
            }
        } finally {
            access.detachAppender(events);
            trouble.detachAppender(reports);
        }
        List<String> written = new ArrayList<>();
        for (ILoggingEvent event : events.list) {
            for (String line : event.getFormattedMessage().split("\n")) {
                written.add(GatewayFixture.parse(line).get("requestId").asText());
            }
        }
        assertEquals(kept, written.size(), "the writer survived the failures and wrote every later line by the stop");
        assertTrue(written.stream().allMatch(id -> id.startsWith("kept-")));
        assertTrue(reports.list.stream().anyMatch(r -> r.getFormattedMessage().contains("after " + lost + " lines could not be written")),
                "the lost lines are counted and reported");
    }

    private static void timeWithRequestId(GatewayFixture gateway, String requestId) throws Exception {
        HttpResponse<String> answer = gateway.http().send(HttpRequest.newBuilder(URI.create(gateway.base() + "/api/v1/time"))
                .header("X-Request-Id", requestId).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
    }

    /** Keeps events like a list, or throws as a closed stdout would while {@code failing}, remembering how many lines it refused. */
    private static final class FailingAppender extends ListAppender<ILoggingEvent> {
        volatile boolean failing;
        final List<String> refused = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void doAppend(ILoggingEvent event) {
            if (failing) {
                refused.addAll(List.of(event.getFormattedMessage().split("\n")));
                throw new IllegalStateException("stdout is closed");
            }
            super.doAppend(event);
        }
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
