package io.ringbook.cluster;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.RandomOrderFlow;
import io.ringbook.journal.codec.EventCodec;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster is the single-process engine replicated: after a seeded flow, sent in
 * windows that reach the log as batches of commands, every node holds byte-identical
 * state and outputs, equal to those of the plain business logic fed the same commands
 * with the event times the log gave them; and a whole-cluster restart
 * from a snapshot gives back exactly that state.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterDeterminismTest {

    private static final int COMMANDS = 1_200;

    @TempDir
    Path dir;

    @Test
    void everyNodeAndTheSingleProcessEngineDecideASeededFlowAlikeAndASnapshotRestartKeepsTheState() throws Exception {
        List<byte[]> egress = new CopyOnWriteArrayList<>();
        List<Command> sent = new ArrayList<>();
        NodeState before;
        try (ThreeNodes cluster = new ThreeNodes(dir, ClusterTimeouts.tolerant()).startAll(true)) {
            ClusterClient client = cluster.client(0, event -> egress.add(encode(event)));
            RandomOrderFlow flow = new RandomOrderFlow(23, 4, DemoMarket.TEST, 1_000);
            long now = System.currentTimeMillis() * 1_000_000L;
            List<CompletableFuture<List<EngineEvent>>> window = new ArrayList<>();
            while (sent.size() < COMMANDS) {
                Command command = flow.next(new Command(), now);
                if (command.type == CommandType.CLOCK_TICK) {
                    continue; // a tick may yield no event to date it; ticks are covered by ClusterClockTickTest
                }
                sent.add(command);
                window.add(client.submit(slot -> slot.copyFrom(command)));
                if (window.size() == 100 || sent.size() == COMMANDS) {
                    for (CompletableFuture<List<EngineEvent>> outcome : window) {
                        assertTrue(outcome.get(20, TimeUnit.SECONDS).get(0).sequence > 0);
                    }
                    window.clear();
                }
            }
            before = cluster.assertSameState(COMMANDS);
            assertTrue(cluster.node(0).service().largestBatch() > 1,
                    "windows of 100 requests went into the log as batches of several commands");

            SingleProcess single = SingleProcess.replay(sent, egress);
            assertEquals(single.outputs.size(), egress.size(), "events out of the cluster and out of the single-process logic");
            for (int i = 0; i < egress.size(); i++) {
                assertArrayEquals(single.outputs.get(i), egress.get(i), "event " + i);
            }
            assertArrayEquals(single.state, before.state(), "state of the cluster's nodes and of the single-process logic");
            assertEquals(single.digest, before.outputDigest());

            assertEquals(io.ringbook.engine.event.EventType.SNAPSHOT_TAKEN,
                    client.submit(Command::snapshot).get(20, TimeUnit.SECONDS).get(0).type);
            ThreeNodes.await("a snapshot on every node", 30, () -> Arrays.stream(new int[]{0, 1, 2})
                    .allMatch(id -> cluster.node(id).service().snapshotsTaken() == 1));
            NodeState snapshotted = cluster.assertSameState(COMMANDS + 1);
            cluster.stopAll();

            cluster.startAll(false);
            ThreeNodes.await("every node restored from the snapshot", 30, () -> Arrays.stream(new int[]{0, 1, 2})
                    .allMatch(id -> cluster.node(id).service().restoredSequence() == COMMANDS + 1));
            NodeState after = cluster.assertSameState(COMMANDS + 1);
            assertArrayEquals(snapshotted.state(), after.state(), "state before and after the whole cluster restarted");
            assertEquals(snapshotted.outputDigest(), after.outputDigest());
            assertEquals(snapshotted.lastEventTimeNanos(), after.lastEventTimeNanos());
        }
    }

    private static byte[] encode(EngineEvent event) {
        ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        int length = EventCodec.encode(event, buffer, 0);
        return Arrays.copyOf(buffer.byteArray(), length);
    }

    /** The plain business logic fed the same commands, each with the sequence, event time and ids the cluster gave it. */
    private static final class SingleProcess {
        final List<byte[]> outputs = new ArrayList<>();
        byte[] state;
        long digest;

        static SingleProcess replay(List<Command> sent, List<byte[]> clusterEvents) {
            Map<Long, EngineEvent> firstEventOf = new HashMap<>();
            EngineEvent decoded = new EngineEvent();
            for (byte[] record : clusterEvents) {
                EventCodec.decode(new org.agrona.concurrent.UnsafeBuffer(record), 0, decoded);
                firstEventOf.putIfAbsent(decoded.sequence, decoded.copy());
            }
            SingleProcess single = new SingleProcess();
            CRC32C crc = new CRC32C();
            BusinessLogic logic = LogicService.newLogic(ThreeNodes.DATA, new ListenerSink(event -> {
                byte[] record = encode(event);
                single.outputs.add(record);
                crc.reset();
                crc.update(record);
                single.digest = OutputDigest.next(single.digest, crc.getValue());
            }), 1024, 1024);
            Command command = new Command();
            for (int i = 0; i < sent.size(); i++) {
                EngineEvent dated = firstEventOf.get(i + 1L);
                command.copyFrom(sent.get(i));
                command.sequence = i + 1L;
                command.eventTimeNanos = dated.eventTimeNanos;
                command.ingressNanos = dated.ingressNanos;
                command.correlationId = dated.correlationId;
                logic.process(command);
            }
            StateBuffer buffer = new StateBuffer(1 << 20);
            logic.writeState(buffer);
            single.state = Arrays.copyOf(buffer.array(), buffer.length());
            return single;
        }
    }
}
