package io.ringbook.journal;

/**
 * A snapshot that cannot be the start of recovery: its state does not load into the
 * logic, or the input journal's record at its sequence is not the snapshot command it
 * was taken at (another timeline's command, after a lost journal tail was written over).
 * Recovery tries an older snapshot; any other failure of a replay is the journal's and
 * stops the start.
 */
public final class UnusableSnapshotException extends RuntimeException {

    public UnusableSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
