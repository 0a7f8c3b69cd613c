package io.ringbook.journal;

import org.agrona.DirectBuffer;

/** Receives the records of a journal one by one; the buffer is reused after the call. */
@FunctionalInterface
public interface RecordVisitor {

    void onRecord(DirectBuffer buffer, int offset);
}
