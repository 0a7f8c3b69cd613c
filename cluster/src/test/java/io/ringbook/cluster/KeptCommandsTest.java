package io.ringbook.cluster;

import io.ringbook.engine.command.Command;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A batch the fallen leader decided but whose frames reached the gateway only in part:
 * after the new leader's resend the rest of the batch is seen decided, and only what no
 * leader decided is offered again, in order, before anything newer.
 */
class KeptCommandsTest {

    @Test
    void aPartlyAcknowledgedBatchIsOfferedAgainWithoutTheCommandsSeenDecided() {
        KeptCommands kept = new KeptCommands();
        for (long id = 1; id <= 5; id++) {
            kept.keep(command(id));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(kept.notOffered()));
        kept.offered(5); // one batch of five to the leader

        kept.decided(1); // its first two command frames came back, then the leader died
        kept.decided(2);
        kept.newLeader();
        assertEquals(List.of(3L, 4L, 5L), ids(kept.notOffered()), "all but the acknowledged ones, if the batch never reached the log");

        kept.decided(3); // the new leader's resend: the fallen leader had decided the batch whole
        kept.decided(4);
        kept.decided(5);
        kept.keep(command(6));
        assertEquals(List.of(6L), ids(kept.notOffered()), "nothing of the batch again");
        kept.offered(1);
        kept.decided(6);
        assertEquals(0, kept.size());
    }

    @Test
    void commandsTakenDuringTheElectionFollowTheUnackedOnesOfTheBatch() {
        KeptCommands kept = new KeptCommands();
        for (long id = 1; id <= 4; id++) {
            kept.keep(command(id));
        }
        kept.offered(3); // a batch of 1-3; 4 still waits
        kept.decided(1);
        kept.newLeader(); // the batch never reached the log: 2 and 3 are offered again, before 4 and 5
        kept.keep(command(5));
        assertEquals(List.of(2L, 3L, 4L, 5L), ids(kept.notOffered()));
        kept.offered(2);
        assertEquals(List.of(4L, 5L), ids(kept.notOffered()));
        assertFalse(kept.decided(99), "an awaited command's frame is no kept one");
        assertEquals(4, kept.size());
    }

    private static Command command(long correlationId) {
        Command command = new Command().clear().clockTick();
        command.correlationId = correlationId;
        return command;
    }

    private static List<Long> ids(Iterator<Command> commands) {
        List<Long> ids = new ArrayList<>();
        commands.forEachRemaining(command -> ids.add(command.correlationId));
        return ids;
    }
}
