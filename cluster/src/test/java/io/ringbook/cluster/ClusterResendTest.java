package io.ringbook.cluster;

import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Around a leader's death nothing is lost between the cluster and a gateway: commands
 * nobody waits for (FIX orders, cancel-on-disconnect), taken while the leader dies or
 * while there is none, are each decided exactly once by the next leader; and the
 * gateway's outputs hold every frame the cluster produced, including those a fallen
 * leader decided but never sent, and those decided while a gateway was away.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterResendTest {

    private static final int COMMANDS = 400;
    private static final int KILL_AT = 120;
    private static final int BURST = 40;
    private static final int BURSTS = 60; // ~12,000 frames: within the history a late gateway is resent from
    private static final int KILL_AT_BURST = 20;

    @TempDir
    Path dir;

    @Test
    void commandsNobodyWaitsForAreDecidedExactlyOnceAcrossTheLeadersDeathAndTheGatewayMissesNoOutput() throws Exception {
        Run run = acrossTheLeadersDeath(COMMANDS, KILL_AT, (i, client, taken) -> {
            if (client.tryPublishAt(System.nanoTime(), order(i))) {
                taken.add(clOrdId(i));
            }
            Thread.sleep(i >= KILL_AT && i < KILL_AT + 100 ? 10 : 1);
        });
        assertTrue(run.taken() > KILL_AT + 100, "commands were taken during the election too: " + run.taken());
    }

    /**
     * Batches of commands in flight when the leader dies: one log entry each, so a batch
     * is decided whole or not at all, while its frames may have reached the gateway in
     * part. Every command of every batch is decided exactly once all the same.
     */
    @Test
    void commandsSentInBatchesAreDecidedExactlyOnceAcrossTheLeadersDeath() throws Exception {
        Run run = acrossTheLeadersDeath(BURSTS, KILL_AT_BURST, (burst, client, taken) -> {
            for (int i = burst * BURST; i < (burst + 1) * BURST; i++) {
                if (client.tryPublishAt(System.nanoTime(), order(i))) {
                    taken.add(clOrdId(i));
                }
            }
            Thread.sleep(5);
        });
        assertTrue(run.largestBatch() > 1, "the commands reached the log in batches");
    }

    /** One step of a load: sends, and notes the clOrdIds the client took. */
    @FunctionalInterface
    private interface Step {
        void run(int step, ClusterClient client, List<String> taken) throws Exception;
    }

    /** What a load across the leader's death saw: commands taken, and the most commands one log entry carried. */
    private record Run(int taken, int largestBatch) {
    }

    /**
     * Runs {@code steps} steps of a load, killing the leader at step {@code killAt} (in the
     * background, while the load goes on), then checks that every taken command was
     * decided exactly once and that no output is missing.
     */
    private Run acrossTheLeadersDeath(int steps, int killAt, Step step) throws Exception {
        try (ThreeNodes cluster = new ThreeNodes(dir, ClusterTimeouts.demo()).startAll(true)) {
            RecordedOutputs outputs = new RecordedOutputs();
            ClusterClient client = cluster.client(0, outputs);
            List<String> taken = new ArrayList<>();
            Thread killer = null;
            int oldLeader = -1;
            for (int i = 0; i < steps; i++) {
                if (i == killAt) {
                    oldLeader = cluster.leader();
                    int victim = oldLeader;
                    killer = new Thread(() -> cluster.kill(victim));
                    killer.start();
                }
                step.run(i, client, taken);
            }
            killer.join(10_000);
            assertEachDecidedOnceAndNothingMissed(cluster, client, outputs, taken, oldLeader);
            return new Run(taken.size(), cluster.node(cluster.leader()).service().largestBatch());
        }
    }

    private static void assertEachDecidedOnceAndNothingMissed(ThreeNodes cluster, ClusterClient client, RecordedOutputs outputs,
                                                              List<String> taken, int oldLeader) throws Exception {
        ThreeNodes.await("every taken command seen decided", 30, () -> client.unconfirmed() == 0);
        int newLeader = cluster.leader();
        assertTrue(newLeader >= 0 && newLeader != oldLeader, "a new leader");
        long decided = cluster.node(newLeader).service().decided();
        NodeState survivors = cluster.assertSameState(decided);
        ThreeNodes.await("the client applied every command frame", 30, () -> outputs.commands().size() == decided);
        for (String clOrdId : taken) {
            assertEquals(1, outputs.decidedWith(clOrdId), clOrdId + " decided exactly once");
        }
        assertEquals(taken.size(), outputs.commands().stream().filter(c -> c.type == CommandType.NEW_ORDER).count(),
                "no command decided that was not taken");
        ThreeNodes.await("the client's events are the nodes' events", 30, () -> outputs.digest() == survivors.outputDigest());

        RecordedOutputs late = new RecordedOutputs();
        try (ClusterClient away = cluster.extraClient("late-aeron", 0, late)) {
            ThreeNodes.await("a gateway that was away gets every frame", 30, () -> late.digest() == survivors.outputDigest());
            assertEquals(decided, late.commands().size(), "and every command as decided");
            assertEquals(0, away.framesMissed());
        }
    }

    private static CommandPublisher.CommandWriter order(int i) {
        boolean buy = i % 2 == 0;
        return slot -> {
            slot.newOrder(buy ? 0 : 2, DemoMarket.TEST, buy ? Side.BUY : Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 100 + i % 3,
                    1 + i % 5);
            slot.clOrdId.set(clOrdId(i));
        };
    }

    private static String clOrdId(int i) {
        return "Q" + i;
    }
}
