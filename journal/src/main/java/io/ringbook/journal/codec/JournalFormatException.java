package io.ringbook.journal.codec;

/**
 * Journal bytes that this version cannot read: an unknown record type, a newer schema
 * version, a bad checksum or a record cut short. Never skipped silently: replay,
 * recovery and audits stop and say where.
 */
public final class JournalFormatException extends RuntimeException {

    public JournalFormatException(String message) {
        super(message);
    }
}
