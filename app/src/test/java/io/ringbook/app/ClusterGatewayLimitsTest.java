package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringbook.app.profile.ClusterSection;
import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Ports;
import io.ringbook.app.profile.Profile;
import io.ringbook.cluster.ClusterClient;
import io.ringbook.cluster.ClusterTimeouts;
import io.ringbook.cluster.ClusterTopology;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.PerSymbolLimit;
import io.ringbook.engine.limits.RiskSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account's limits over so many symbols that their SET_LIMITS command is longer than a
 * cluster gateway sends ({@link ClusterClient#LONGEST_COMMAND}): the admin door answers
 * 413 {@code PAYLOAD_TOO_LARGE} at once (API.md's code for what is too large to take),
 * before anything else (here: before the 503 of a cluster without a leader), and the
 * gateway's client is not stopped by it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterGatewayLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void limitsTooLongForTheClusterAreRefusedWith413() throws Exception {
        int symbols = (ClusterClient.LONGEST_COMMAND - 100) / 16;
        ClusterTopology topology = ClusterTopology.localOnFreePorts("127.0.0.1", 3);
        List<Path> nodeDirs = new ArrayList<>();
        for (int id = 0; id < 3; id++) {
            nodeDirs.add(dir.resolve("node-" + id));
        }
        ClusterSection section = new ClusterSection(topology, nodeDirs, ClusterTimeouts.demo(), 0, 100, "127.0.0.1", 0);
        HttpClient http = HttpClient.newHttpClient();
        try (ClusterGateway gateway = new ClusterGateway(withSymbols(DemoProfile.profile(), symbols).withPorts(Ports.any()), section,
                dir.resolve("gateway"))) {
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort()
                            + "/admin/v1/accounts/T1/limits"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"account\":\"T1\",\"maxOrderQty\":{\"*\":\"1000\"},\"maxPosition\":{\"*\":null},"
                            + "\"maxOrderNotional\":null,\"maxGrossNotional\":null,\"maxConcentrationPct\":null,\"maxOpenOrders\":100,"
                            + "\"maxOpenOrdersPerSymbol\":null,\"maxOrdersPerSecond\":100,\"dailyLossLimit\":null}"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer admin-token").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, put.statusCode(), put.body());
            JsonNode error = JSON.readTree(put.body()).get("error");
            assertEquals("PAYLOAD_TOO_LARGE", error.get("code").asText());
            assertTrue(error.get("message").asText().contains(symbols + " symbols"), put.body());
            assertTrue(!gateway.client().refusal().isDone() && gateway.client().unconfirmed() == 0, "nothing was queued, the client runs on");
        }
    }

    /** The demo profile with {@code count} symbols (the demo's three, then S3, S4, ...), each with the demo's risk settings. */
    private static Profile withSymbols(Profile demo, int count) {
        ReferenceData data = demo.referenceData();
        List<SymbolSpec> specs = new ArrayList<>();
        IntStream.range(0, count).forEach(id -> specs.add(id < data.symbols().size() ? data.symbols().get(id)
                : new SymbolSpec(id, "S" + id, BigDecimal.ONE, BigDecimal.ONE, 0, 0)));
        RiskSettings risk = data.risk();
        AccountLimits limits = risk.accounts().get(0);
        AccountLimits wide = new AccountLimits(PerSymbolLimit.uniform(limits.maxOrderQty().fallback(), count),
                PerSymbolLimit.uniform(limits.maxPosition().fallback(), count), limits.maxOrderNotional(), limits.maxGrossNotional(),
                limits.maxConcentrationBps(), limits.concentrationMinGross(), limits.maxOpenOrders(), limits.maxOpenOrdersPerSymbol(),
                limits.maxOrdersPerSecond(), limits.dailyLossLimit());
        RiskSettings many = new RiskSettings(Collections.nCopies(count, risk.symbols().get(0)), Collections.nCopies(data.accounts().size(), wide),
                risk.rejectStorm(), risk.maxOpenOrders());
        return new Profile(demo.name(), new ReferenceData(new SymbolTable(specs), data.accounts(), many), demo.credentials(),
                demo.rateLimits(), demo.listenAddress(), demo.ports(), demo.fix(), demo.run());
    }
}
