package io.ringbook.cluster;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.journal.codec.CommandCodec;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway's batch: as many commands as fit one datagram of the ingress and the log,
 * each record of it, with the sequence and time a node stamps on it, exactly the journal
 * record the single-process engine writes for the same command.
 */
class IngressMessagesTest {

    private final ExpandableArrayBuffer batch = new ExpandableArrayBuffer(64);
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(64);

    @Test
    void aFullBatchFitsOneDatagramAndEachOfItsRecordsUnpacksToTheJournalRecordOfItsCommand() {
        List<Command> commands = new ArrayList<>();
        int length = IngressMessages.startBatch(batch);
        for (int i = 0; ; i++) {
            Command command = order(i);
            int taken = IngressMessages.append(command, batch, length, Channels.ONE_DATAGRAM, scratch);
            if (taken == 0) {
                assertTrue(length + CommandCodec.encode(command, scratch, 0) - 16 > Channels.ONE_DATAGRAM, "refused only when full");
                break;
            }
            commands.add(command);
            length += taken;
        }
        assertTrue(length <= Channels.ONE_DATAGRAM && commands.size() > 80, length + " bytes, " + commands.size() + " orders");
        assertEquals(Channels.MTU, Channels.ONE_DATAGRAM + 32 + 32, "the datagram's frame header and the cluster's session header");

        ExpandableArrayBuffer unpacked = new ExpandableArrayBuffer(256);
        ExpandableArrayBuffer expected = new ExpandableArrayBuffer(256);
        int at = IngressMessages.BATCH_RECORDS;
        for (int i = 0; i < commands.size(); i++) {
            int recordLength = IngressMessages.recordLength(batch, at);
            IngressMessages.unpack(batch, at, recordLength, 1_000 + i, 1_700_000_000_000_000_000L + i, unpacked, 0);
            Command command = commands.get(i);
            command.sequence = 1_000 + i;
            command.eventTimeNanos = 1_700_000_000_000_000_000L + i;
            int expectedLength = CommandCodec.encode(command, expected, 0);
            assertEquals(expectedLength, recordLength + 16, "record " + i);
            for (int b = 0; b < expectedLength; b++) {
                assertEquals(expected.getByte(b), unpacked.getByte(b), "record " + i + ", byte " + b);
            }
            at += recordLength;
        }
        assertEquals(length, at);
    }

    @Test
    void aBatchTakesItsFirstCommandHoweverLong() {
        int length = IngressMessages.startBatch(batch);
        int first = IngressMessages.append(order(1), batch, length, 10, scratch);
        assertTrue(first > 10);
        assertEquals(0, IngressMessages.append(order(2), batch, length + first, 10, scratch));
    }

    private static Command order(int i) {
        Command command = new Command().clear();
        command.newOrder(i % 4, DemoMarket.TEST, i % 2 == 0 ? Side.BUY : Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 100 + i % 7, 1 + i);
        command.clOrdId.set("C" + i * 7919);
        command.correlationId = i + 1;
        command.ingressNanos = 1_700_000_000_000_000_000L - i;
        command.origin = i % 3;
        return command;
    }
}
