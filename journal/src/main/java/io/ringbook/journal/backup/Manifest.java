package io.ringbook.journal.backup;

import io.ringbook.journal.Fsync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a backup holds, one line per item, readable by people and by {@link #read}:
 * <pre>
 *   ringbook-backup 1
 *   engine 0.1.0 command-schema 2 event-schema 2 config-schema 2
 *   segment file=input-000001.seg queue=input bytes=.. sha256=.. excerpts=.. firstSequence=.. lastSequence=..
 *           firstTime=.. lastTime=.. lastIndex=..
 *   snapshot file=snapshot-...rbs bytes=.. sha256=.. sequence=..
 * </pre>
 * Written whole to a temporary file and renamed, so a backup interrupted midway leaves
 * the previous manifest, and the files it names, intact.
 */
public record Manifest(String header, List<Map<String, String>> segments, List<Map<String, String>> snapshots) {

    public static final String FILE = "manifest.txt";
    private static final String MAGIC = "ringbook-backup 1";

    public static Manifest empty(String header) {
        return new Manifest(header, new ArrayList<>(), new ArrayList<>());
    }

    public static Manifest read(Path backup) throws IOException {
        Path file = backup.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw new IOException(file + " is not a Ringbook backup manifest");
        }
        List<Map<String, String>> segments = new ArrayList<>();
        List<Map<String, String>> snapshots = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] words = line.split(" ");
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 1; i < words.length; i++) {
                int eq = words[i].indexOf('=');
                fields.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
            (words[0].equals("segment") ? segments : snapshots).add(fields);
        }
        return new Manifest(lines.get(1), segments, snapshots);
    }

    /** Replaces the manifest atomically, and durably: the files it lists were forced to the device before it. */
    public void write(Path backup) throws IOException {
        StringBuilder text = new StringBuilder(MAGIC).append('\n').append(header).append('\n');
        for (Map<String, String> segment : segments) {
            line(text, "segment", segment);
        }
        for (Map<String, String> snapshot : snapshots) {
            line(text, "snapshot", snapshot);
        }
        Path temporary = backup.resolve(FILE + ".tmp");
        Files.writeString(temporary, text);
        Fsync.file(temporary);
        Files.move(temporary, backup.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Fsync.directory(backup);
    }

    /** The segments of one queue, in order. */
    public List<Map<String, String>> segments(String queue) {
        return segments.stream().filter(s -> s.get("queue").equals(queue)).toList();
    }

    private static void line(StringBuilder text, String kind, Map<String, String> fields) {
        text.append(kind);
        fields.forEach((key, value) -> text.append(' ').append(key).append('=').append(value));
        text.append('\n');
    }
}
