package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Ports;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.pipeline.CommandFailedException;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.journal.Durability;
import io.ringbook.journal.JournalQuery;
import io.ringbook.journal.ReplayVerifier;
import io.ringbook.journal.codec.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A command the business logic throws on (a bug reached by one command) halts the
 * engine, is named in /health, stops every start that replays it, and is skipped once
 * the operator quarantines it with the CLI; replay still reproduces the output journal.
 */
class PoisonCommandTest {

    /** The order quantity the test's risk check throws on. */
    private static final long POISON_QTY = 777;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aPoisonCommandHaltsTheEngineAndAQuarantineLetsItStartAgain() throws Exception {
        Path data = dir.resolve("data");
        long poison;
        try (RunningEngine engine = start(data)) {
            assertEquals(EventType.ORDER_ACCEPTED, order(engine, 5).get(5, TimeUnit.SECONDS).get(0).type);
            order(engine, POISON_QTY);
            JsonNode logic = awaitLogicDown(engine);
            poison = logic.at("/details/failedCommandSequence").asLong();
            assertEquals(2, poison, "the first order is command 1, the poisoned one 2: " + logic);
            assertEquals("NEW_ORDER", logic.at("/details/failedCommandType").asText());
            String[] record = logic.at("/details/failedCommandRecord").asText().split(" ");
            assertEquals("01", record[2], "the record's type byte: NEW_ORDER");
            assertEquals(Integer.parseInt(record[1] + record[0], 16), record.length, "the whole record, its length first");
            assertTrue(logic.at("/details/failedCommandFailure").asText().contains("poisoned"), logic.toString());
            assertTrue(logic.at("/details/stopped").asText().contains("journal quarantine"), logic.toString());
            ExecutionException refused = assertThrows(ExecutionException.class, () -> order(engine, 5).get(5, TimeUnit.SECONDS));
            assertTrue(refused.getCause().getMessage().contains("stopped deciding"), refused.getCause().getMessage());
        }

        CommandFailedException again = assertThrows(CommandFailedException.class, () -> start(data).close(),
                "without a quarantine, every start replays the command and fails on it");
        assertEquals(poison, again.sequence());
        assertTrue(again.getMessage().contains("--seq " + poison), again.getMessage());

        String[] quarantine = {"journal", "quarantine", "--data", data.toString(), "--seq", Long.toString(poison),
                "--reason", "throws in the risk check"};
        assertEquals(0, RingbookCommand.run(quarantine));
        assertEquals(2, RingbookCommand.run(quarantine), "a command is quarantined once");
        assertEquals(2, RingbookCommand.run("journal", "quarantine", "--data", data.toString(), "--seq", "999",
                "--reason", "none such"), "only a journaled command");

        try (RunningEngine restarted = start(data)) {
            assertEquals(1, restarted.recovery().quarantinedSkipped());
            List<EngineEvent> next = order(restarted, 5).get(5, TimeUnit.SECONDS);
            assertEquals(EventType.ORDER_ACCEPTED, next.get(0).type);
            assertTrue(next.get(0).sequence > poison);
            assertEquals(10, restarted.pipeline().logic().book(2).levelQty(Side.BUY, 100), "both good orders rest");
        }
        assertTrue(ReplayVerifier.verify(data, poisonedLogic(null)).identical(), "replay skips it too, byte for byte");
        Path report = dir.resolve("backtest.json");
        assertEquals(0, RingbookCommand.run("backtest", "--data", data.toString(), "--report", report.toString()));
        assertEquals(2, new ObjectMapper().readTree(report.toFile()).at("/overall/orders").asInt(),
                "a backtest of the journal skips the quarantined order too: the two good ones");
        List<String> audit = new ArrayList<>();
        JournalQuery.run(data, new JournalQuery.Filter(Long.MIN_VALUE, Long.MAX_VALUE, RecordType.QUARANTINE, null), audit::add);
        assertEquals(1, audit.size(), audit.toString());
        assertTrue(audit.get(0).contains("\"quarantinedSeq\":" + poison) && audit.get(0).contains("throws in the risk check"),
                audit.get(0));
    }

    private static RunningEngine start(Path data) {
        return RunningEngine.start(DemoProfile.profile().withPorts(Ports.any()), data, false,
                PipelineConfig.DEFAULTS.withClockTickMillis(0), Durability.PROCESS_CRASH, PoisonCommandTest::poisonedLogic);
    }

    /** The engine's logic with a pre-trade check that accepts every order but throws on {@link #POISON_QTY}. */
    private static BiFunction<ReferenceData, EventSink, BusinessLogic> poisonedLogic(Object board) {
        PreTradeCheck poisoned = new PreTradeCheck() {
            @Override
            public RejectReason checkNewOrder(io.ringbook.engine.command.Command order) {
                if (order.qty == POISON_QTY) {
                    throw new IllegalStateException("poisoned order");
                }
                return RejectReason.NONE;
            }

            @Override
            public RejectReason checkAmend(io.ringbook.engine.command.Command amend, io.ringbook.engine.book.Order order) {
                return RejectReason.NONE;
            }
        };
        return (referenceData, sink) -> new BusinessLogic(referenceData.symbols(), referenceData.accounts().size(),
                context -> poisoned, sink, 1 << 10);
    }

    private static CompletableFuture<List<EngineEvent>> order(RunningEngine engine, long qty) {
        return engine.pipeline().publisher().submit(slot ->
                slot.newOrder(0, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, qty));
    }

    /** The businessLogic component of /health, once DOWN (within 10 s). */
    private JsonNode awaitLogicDown(RunningEngine engine) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.adminPort() + "/health"))
                .header("Authorization", "Bearer viewer-token").build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode logic = JSON.readTree(response.body()).at("/components/businessLogic");
            if ("DOWN".equals(logic.at("/status").asText())) {
                assertEquals(503, response.statusCode());
                return logic;
            }
            assertTrue(System.nanoTime() < deadline, "the business logic never went DOWN: " + response.body());
            Thread.sleep(20);
        }
    }
}
