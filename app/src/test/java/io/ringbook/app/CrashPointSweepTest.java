package io.ringbook.app;

import io.ringbook.journal.JournalQuery;
import io.ringbook.journal.ReplayVerifier;
import io.ringbook.journal.codec.RecordType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded crash-point sweep: the engine runs in a JVM of its own on one data directory
 * and is killed with SIGKILL at a random moment of a random order stream, N times; after
 * each crash it restarts on the same data, and then every order acknowledged so far must
 * be in the journal and the journal must replay to itself byte for byte (no command's
 * outcome half there). The suite runs 3 points; for the full sweep:
 * {@code mvn -B -pl app -am test -Dtest=CrashPointSweepTest -Dsurefire.failIfNoSpecifiedTests=false -Dringbook.crashPoints=50}
 * ({@code -Dringbook.crashSeed=S} for another sequence).
 */
class CrashPointSweepTest {

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":(\\d+)");

    @TempDir
    Path data;

    private EngineProcess engine;

    @AfterEach
    void killEngine() {
        if (engine != null) {
            engine.process().destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedOrderSurvivesEveryCrashPoint() throws Exception {
        int points = Integer.getInteger("ringbook.crashPoints", 3);
        SplittableRandom random = new SplittableRandom(Long.getLong("ringbook.crashSeed", 20));
        Set<Long> acknowledged = new HashSet<>();
        long sent = 0;
        for (int point = 0; point < points; point++) {
            engine = EngineProcess.start(data);
            assertTrue(engine.recoveredTo() >= acknowledged.size(), "point " + point + ": recovered to " + engine.recoveredTo());
            checkJournal(point, acknowledged);
            int orders = 50 + random.nextInt(500);
            for (int i = 0; i < orders; i++) {
                engine.order(random);
            }
            sent += orders;
            int awaited = random.nextInt(orders + 1);
            for (int i = 0; i < awaited; i++) {
                acknowledged.add(Long.parseLong(engine.readLine().split(" ")[1]));
            }
            engine.kill();
        }
        engine = EngineProcess.start(data);
        checkJournal(points, acknowledged);
        System.out.printf("crash-point sweep: %d of %d crash points survived (%d orders sent, %d acknowledged before a kill)%n",
                points, points, sent, acknowledged.size());
    }

    /** Every acknowledged order is in the journal, and the journal replays to itself byte for byte. */
    private void checkJournal(int point, Set<Long> acknowledged) {
        Set<Long> journaled = new HashSet<>();
        JournalQuery.run(data, new JournalQuery.Filter(Long.MIN_VALUE, Long.MAX_VALUE, RecordType.ORDER_ACCEPTED, null),
                line -> journaled.add(orderId(line)));
        for (long orderId : acknowledged) {
            assertTrue(journaled.contains(orderId), "point " + point + ": acknowledged order " + orderId + " is in the journal");
        }
        ReplayVerifier.Report replay = ReplayVerifier.verify(data, EngineLogic.replay(1 << 16));
        assertNull(replay.firstDifference(), "point " + point);
    }

    private static long orderId(String json) {
        Matcher matcher = ORDER_ID.matcher(json);
        assertTrue(matcher.find(), json);
        return Long.parseLong(matcher.group(1));
    }
}
