package io.ringbook.journal.codec;

import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.testing.DemoMarket;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configuration record keeps the venue's cap on open orders, and a record from before it is still read. */
class ConfigCodecTest {

    private static final ReferenceData DATA = new ReferenceData(DemoMarket.symbols(), new AccountTable(List.of("T1", "T2")));

    @Test
    void shouldCarryTheVenuesCapOnOpenOrders() {
        ReferenceData capped = new ReferenceData(DATA.symbols(), DATA.accounts(), DATA.risk().withMaxOpenOrders(1_234));
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[1 << 14]);
        ConfigCodec.encode(capped, 1, 2, buffer, 0);
        assertEquals(capped.risk(), ConfigCodec.decode(buffer, 0).risk());
        assertEquals(ConfigCodec.SCHEMA_VERSION, RecordHeader.version(buffer, 0));
    }

    @Test
    void shouldReadASchemaTwoRecordWithoutACap() {
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[1 << 14]);
        int length = ConfigCodec.encode(DATA, 1, 2, buffer, 0);
        String text = buffer.getStringWithoutLengthUtf8(RecordHeader.LENGTH, length - RecordHeader.LENGTH);
        assertTrue(text.contains("venue "), text);
        byte[] former = text.replaceAll("venue [0-9]+\n", "").getBytes(StandardCharsets.UTF_8);
        UnsafeBuffer old = new UnsafeBuffer(new byte[1 << 14]);
        old.putBytes(RecordHeader.LENGTH, former);
        RecordHeader.write(old, 0, RecordHeader.LENGTH + former.length, RecordType.CONFIG, 2, 1, 2);
        ReferenceData read = ConfigCodec.decode(old, 0);
        assertEquals(AccountLimits.UNLIMITED, read.risk().maxOpenOrders());
        assertEquals(DATA.risk(), read.risk());
    }
}
