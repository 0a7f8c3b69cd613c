package io.ringbook.cluster;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

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
}
