package io.ringbook.gateway.fix;

import quickfix.FileUtil;
import quickfix.SessionID;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Carries session stores written by QuickFIX/J's {@code FileStore} over to its
 * {@code CachedFileStore}, which the gateway uses since it stopped keeping an in-memory
 * index entry for every message ever sent (a {@code FileStore} holds one per message
 * until the sequence numbers are reset, which with sequence numbers that persist across
 * days is never). Both keep the messages and their index in the same {@code .body} and
 * {@code .header} files; only the sequence numbers differ: two files
 * ({@code .senderseqnums}, {@code .targetseqnums}) against one ({@code .seqnums},
 * {@code "sender:target"}). A store of the old layout gets the new file, written and
 * synced before the old ones are removed, so a session keeps its sequence numbers
 * across the upgrade (API.md). Runs before the acceptor opens the stores.
 */
final class FixStoreFiles {

    private FixStoreFiles() {
    }

    /** Moves the sequence numbers of each session's old-layout store in {@code directory} (if any) to the new layout. */
    static void upgrade(Path directory, Iterable<SessionID> sessions) {
        for (SessionID session : sessions) {
            String prefix = FileUtil.sessionIdFileName(session) + ".";
            Path sender = directory.resolve(prefix + "senderseqnums");
            Path target = directory.resolve(prefix + "targetseqnums");
            Path both = directory.resolve(prefix + "seqnums");
            try {
                if (Files.exists(sender) && !Files.exists(both)) {
                    writeSynced(both, read(sender) + ":" + read(target));
                }
                Files.deleteIfExists(sender);
                Files.deleteIfExists(target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot upgrade the FIX session store of " + session + " in " + directory, e);
            }
        }
    }

    /** A sequence number as {@code FileStore} wrote it (modified UTF-8 text); 1, the first number, if the file is missing or empty. */
    private static int read(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return 1;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            return Integer.parseInt(in.readUTF());
        }
    }

    private static void writeSynced(Path file, String numbers) throws IOException {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.writeUTF(numbers);
            out.getFD().sync();
        }
    }
}
