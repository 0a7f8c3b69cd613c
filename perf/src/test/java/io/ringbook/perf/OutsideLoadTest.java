package io.ringbook.perf;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.gateway.fix.FixGateway;
import io.ringbook.gateway.fix.FixPasswords;
import io.ringbook.gateway.fix.FixSessionOptions;
import io.ringbook.gateway.rest.ApiKeys;
import io.ringbook.gateway.rest.RateLimits;
import io.ringbook.gateway.rest.RestGateway;
import io.ringbook.gateway.rest.StreamLimits;
import io.ringbook.risk.RiskBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bench --via rest|fix --target HOST:PORT}: the harness drives doors it did not
 * start, as an outside client, with the demo's keys and FIX passwords by default, and
 * every order is answered (REST 201, FIX ExecutionReport New); {@code --subscribers}
 * follows the streams meanwhile without a gap.
 */
class OutsideLoadTest {

    private static final long UNLIMITED = 100_000_000;

    @TempDir
    Path dir;

    @Test
    void shouldDriveRunningRestAndFixDoorsFromOutsideWithEveryOrderAnswered() throws Exception {
        ReferenceData data = BenchRisk.NONE.referenceData();
        RiskBoard board = new RiskBoard(data.risk());
        RestGateway rest = new RestGateway(data, new ApiKeys(Map.of("t1-key", 0, "t2-key", 1)),
                new RateLimits(UNLIMITED, UNLIMITED * 60, UNLIMITED, UNLIMITED * 60, Integer.MAX_VALUE, 0,
                        new StreamLimits(1_000, 10, 10, 10, 4L << 20, 60)), board);
        int fixPort;
        try (ServerSocket free = new ServerSocket(0)) {
            fixPort = free.getLocalPort();
        }
        FixGateway fix = new FixGateway(data, "127.0.0.1", fixPort, dir.resolve("fix"), new FixSessionOptions(true, false, Map.of(), Map.of()),
                new FixPasswords(Map.of(0, "t1-key", 1, "t2-key")));
        EnginePipeline.Builder builder = EnginePipeline.builder(sink -> BenchRisk.NONE.logic(data, board, sink, 1 << 12, 1 << 16))
                .config(PipelineConfig.DEFAULTS.withSnapshotIntervalMillis(0));
        rest.listeners().forEach(builder::listener);
        fix.listeners().forEach(builder::listener);
        try (EnginePipeline pipeline = builder.build().start(); rest; fix) {
            int restPort = rest.start("127.0.0.1", 0);
            rest.open(pipeline.publisher());
            fix.start(pipeline.publisher());

            String overRest = bench("--via", "rest", "--target", "127.0.0.1:" + restPort, "--rate", "200", "--duration", "1",
                    "--warmup", "1", "--subscribers", "4");
            assertTrue(overRest.contains("bench: 200 orders to 127.0.0.1:" + restPort + ", 200 orders/s"), overRest);
            assertFalse(overRest.contains("failed"), overRest);
            assertTrue(overRest.contains("streams    4 sessions"), overRest);
            assertTrue(overRest.contains(" 0 book gaps, 0 closed SLOW_CONSUMER"), overRest);

            String overFix = bench("--via", "fix", "--target", "127.0.0.1:" + fix.port(), "--rate", "200", "--duration", "1",
                    "--warmup", "1");
            assertTrue(overFix.contains("bench: 200 orders to 127.0.0.1:" + fix.port() + ", 200 orders/s"), overFix);
            assertFalse(overFix.contains("unanswered"), overFix);

            // one session, with the client that handles and writes on the thread at hand
            String inline = bench("--via", "fix", "--target", "127.0.0.1:" + fix.port(), "--keys", "t1-key", "--fix-client", "inline",
                    "--rate", "200", "--duration", "1", "--warmup", "1");
            assertTrue(inline.contains("bench: 200 orders to 127.0.0.1:" + fix.port() + ", 200 orders/s"), inline);
            assertTrue(inline.contains("answered 400 of 400 orders"), inline);
        }
    }

    private String bench(String... args) {
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--results";
            all[args.length + 1] = dir.resolve("results").toString();
            assertEquals(0, new CommandLine(new LoadHarness()).execute(all));
        } finally {
            System.setOut(was);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
