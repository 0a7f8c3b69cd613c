package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringbook.engine.pipeline.OutputJournalThread;
import io.ringbook.engine.pipeline.WaitStrategyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ringbook start} chooses the wait strategies and the output journal's thread from the cores unless configured,
 * prints the choice and runs with it.
 */
class WaitStrategyChoiceTest {

    private static final Pattern ADMIN_PORT = Pattern.compile("admin +http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path data;

    @Test
    void shouldBlockOnTwoCoresAndSpinTheLogicThreadFromFour() {
        assertEquals(new WaitStrategies(WaitStrategyKind.BLOCKING, WaitStrategyKind.BLOCKING, "chosen for 2 cores",
                        OutputJournalThread.FOLLOWING, "chosen for 2 cores"),
                WaitStrategies.choose(null, null, null, 2));
        assertEquals(new WaitStrategies(WaitStrategyKind.YIELDING, WaitStrategyKind.PHASED, "chosen for 4 cores",
                        OutputJournalThread.OWN, "chosen for 4 cores"),
                WaitStrategies.choose(null, null, null, 4));
        assertEquals(new WaitStrategies(WaitStrategyKind.BUSY_SPIN, WaitStrategyKind.SLEEPING, "configured", OutputJournalThread.OWN, "configured"),
                WaitStrategies.choose(WaitStrategyKind.BUSY_SPIN, WaitStrategyKind.SLEEPING, OutputJournalThread.OWN, 2));
    }

    @Test
    void shouldPrintAndRunTheAutomaticChoice() throws Exception {
        String banner = startAndCheck(4, "YIELDING", "PHASED", "OWN");
        assertTrue(banner.contains("wait strategy yielding (outbound phased; chosen for 4 cores), output journal on its own thread "
                + "(chosen for 4 cores)"), banner);
    }

    @Test
    void shouldLetAConfiguredStrategyWinOverTheAutomaticChoice() throws Exception {
        String banner = startAndCheck(8, "PHASED", "PHASED", "FOLLOWING", "--wait-strategy", "phased", "--output-journal-thread", "following");
        assertTrue(banner.contains("wait strategy phased (outbound phased; partly configured, the rest chosen for 8 cores), "
                + "output journal following the edges (configured)"), banner);
    }

    @Test
    void shouldFollowTheEdgesWithTheOutputJournalOnTwoCores() throws Exception {
        String banner = startAndCheck(2, "BLOCKING", "BLOCKING", "FOLLOWING");
        assertTrue(banner.contains("output journal following the edges (chosen for 2 cores)"), banner);
    }

    /**
     * Starts the engine as {@code ringbook start} does with these options; checks the strategies and the output
     * journal's thread its rings report; answers the banner.
     */
    private String startAndCheck(int cores, String logic, String outbound, String journalThread, String... options) throws Exception {
        StartCommand start = new StartCommand();
        String[] common = {"--data", data.toString(), "--fresh", "--rest-port", "0", "--admin-port", "0", "--fix-port", "0",
            "--warm-up", "0"};
        new CommandLine(start).parseArgs(Stream.concat(Arrays.stream(common), Arrays.stream(options)).toArray(String[]::new));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (AutoCloseable running = start.launch(new PrintStream(printed, true, StandardCharsets.UTF_8), cores)) {
            String banner = printed.toString(StandardCharsets.UTF_8);
            Matcher admin = ADMIN_PORT.matcher(banner);
            assertTrue(admin.find(), banner);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + admin.group(1) + "/health")).header("Authorization", "Bearer viewer-token").build(), HttpResponse.BodyHandlers.ofString());
            JsonNode rings = new ObjectMapper().readTree(health.body()).path("components").path("ringBuffer").path("details");
            assertEquals(logic, rings.path("waitStrategy").asText(), health.body());
            assertEquals(outbound, rings.path("outboundWait").asText(), health.body());
            assertEquals(journalThread, rings.path("outputJournalThread").asText(), health.body());
            return banner;
        }
    }
}
