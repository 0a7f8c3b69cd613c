package io.ringbook.journal.backup;

import io.ringbook.journal.Fsync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The FIX gateway's session store ({@code DIR/fix}: each session's sequence numbers and
 * the messages it sent, for resends) travels with a backup and comes back with a
 * restore, so that FIX clients reconnecting to a restored engine meet the sequence
 * numbers they expect rather than a reset. Unlike the journal it is not incremental: each
 * backup run replaces the copy with the store as it is then, on the device before the
 * manifest is written. The copy is taken while sessions may be sending: at worst it
 * misses a session's last messages, and the FIX session layer mends that as after any
 * gap (a resend request, or a sequence reset the client sees).
 */
final class SessionStore {

    static final String DIRECTORY = "fix";

    private SessionStore() {
    }

    /** Copies {@code from}'s session files into {@code to}, replacing what was there; nothing if {@code from} has none. */
    static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path copy = to.resolve(from.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            Fsync.file(copy);
        }
        if (Files.isDirectory(to)) {
            Fsync.directory(to);
        }
    }
}
