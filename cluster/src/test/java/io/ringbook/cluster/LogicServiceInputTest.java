package io.ringbook.cluster;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.journal.codec.CommandCodec;
import io.aeron.cluster.service.Cluster;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A session message that is no command record (a client that is not a Ringbook gateway,
 * a newer gateway, a truncated message) is skipped without deciding anything: thrown, it
 * would stop the service on every node at once.
 */
class LogicServiceInputTest {

    @Test
    void skipsMessagesThatAreNoCommandRecords() {
        LogicService service = new LogicService(ThreeNodes.DATA, 16);
        UnsafeBuffer message = new UnsafeBuffer(new byte[64]);
        service.onSessionMessage(null, 1, message, 0, 3, null);
        service.onSessionMessage(null, 1, message, 0, 64, null);
        message.putShort(0, (short) 64, ByteOrder.LITTLE_ENDIAN);
        message.putByte(2, (byte) 250);
        service.onSessionMessage(null, 1, message, 0, 64, null);
        message.putByte(2, (byte) 1);
        message.putByte(3, (byte) 99);
        service.onSessionMessage(null, 1, message, 0, 64, null);
        assertEquals(0, service.decided());
    }

    /**
     * A batch's record shorter than its command's fields is skipped: decoding it stops at
     * its end (it would otherwise read bytes after it, which need not be the same on every
     * node), so no node decides it.
     */
    @Test
    void skipsABatchRecordShorterThanItsFields() {
        LogicService service = new LogicService(ThreeNodes.DATA, 16);
        ExpandableArrayBuffer batch = new ExpandableArrayBuffer(256);
        Command order = new Command().clear();
        order.newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1);
        int length = IngressMessages.startBatch(batch);
        length += IngressMessages.append(order, batch, length, Channels.ONE_DATAGRAM, new ExpandableArrayBuffer(256));
        int cut = 40;
        batch.putShort(IngressMessages.BATCH_RECORDS, (short) cut, ByteOrder.LITTLE_ENDIAN);
        service.onSessionMessage(null, 1, batch, 0, IngressMessages.BATCH_RECORDS + cut, null);
        assertEquals(0, service.decided());
    }

    /**
     * An earlier build's batch ({@code "RBCB"}, whole journal records) in the log, as a node
     * replaying the log after its snapshot meets it following an upgrade: its commands are
     * decided, in order, not skipped.
     */
    @Test
    void decidesAnEarlierBuildsBatchOfWholeRecords() {
        LogicService service = new LogicService(ThreeNodes.DATA, 16);
        service.onStart(clusterWithoutClients(), null);
        ExpandableArrayBuffer batch = new ExpandableArrayBuffer(256);
        batch.putInt(0, 0x42434252, ByteOrder.LITTLE_ENDIAN);
        int length = IngressMessages.BATCH_RECORDS;
        for (int price = 100; price <= 101; price++) {
            Command order = new Command().clear();
            order.newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, 1);
            length += CommandCodec.encode(order, batch, length);
        }
        service.onSessionMessage(null, 1, batch, 0, length, null);
        assertEquals(2, service.decided());
    }

    /** Aeron's view of a cluster with no client connected and no log to offer to: every call answers 0, false or nothing. */
    private static Cluster clusterWithoutClients() {
        return (Cluster) Proxy.newProxyInstance(Cluster.class.getClassLoader(), new Class<?>[] {Cluster.class}, (proxy, method, args) -> {
            Class<?> type = method.getReturnType();
            if (type == boolean.class) {
                return false;
            }
            if (type == long.class) {
                return 0L;
            }
            return type == int.class ? 0 : null;
        });
    }
}
