package io.ringbook.cluster;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.EventCodec;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/** What a client received, as a gateway would journal it: the commands as decided, the quarantines, and the events' digest. */
final class RecordedOutputs implements ClusterOutputs {

    private final List<Command> commands = new ArrayList<>();
    private final List<Long> quarantined = new ArrayList<>();
    private final ExpandableArrayBuffer encoded = new ExpandableArrayBuffer(256);
    private final CRC32C crc = new CRC32C();
    private long events;
    private long digest;

    @Override
    public synchronized void onInput(DirectBuffer record, int offset, int length) {
        if (RecordHeader.type(record, offset) == RecordType.QUARANTINE) {
            quarantined.add(io.ringbook.journal.codec.QuarantineCodec.quarantined(record, offset));
        } else {
            Command command = new Command();
            CommandCodec.decode(record, offset, command);
            commands.add(command);
        }
    }

    @Override
    public synchronized void onEvent(EngineEvent event) {
        int length = EventCodec.encode(event, encoded, 0);
        crc.reset();
        crc.update(encoded.byteArray(), 0, length);
        digest = OutputDigest.next(digest, crc.getValue());
        events++;
    }

    synchronized List<Command> commands() {
        return new ArrayList<>(commands);
    }

    synchronized List<Long> quarantined() {
        return new ArrayList<>(quarantined);
    }

    /** The digest of every event received, as the nodes compute theirs ({@link NodeState#outputDigest()}). */
    synchronized long digest() {
        return digest;
    }

    synchronized long events() {
        return events;
    }

    /** How many commands with this clOrdId were decided. */
    synchronized long decidedWith(String clOrdId) {
        return commands.stream().filter(c -> clOrdId.contentEquals(c.clOrdId.toString())).count();
    }
}
