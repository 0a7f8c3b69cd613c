package io.ringbook.journal;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What a power cut would lose of a queue, seen from the OS: the dirty KiB of this
 * process's mappings of its cycle files ({@code .cq4}: header, index and excerpts), from
 * {@code /proc/self/smaps}, which counts a mapped page as dirty until it has been written
 * to the device. The queue's {@code metadata.cq4t} is left out: it holds hints (the
 * newest cycle, the last index synced) that Chronicle rebuilds from the directory's
 * files when it opens the queue.
 */
public final class DirtyPages {

    private DirtyPages() {
    }

    /** Skips the test where the probe cannot work: no smaps, or a tmpfs, whose pages are never written back. */
    public static void assumeMeasurable(Path directory) throws IOException {
        assumeFalse(!Files.isReadable(Path.of("/proc/self/smaps")), "needs Linux /proc/self/smaps");
        assumeFalse("tmpfs".equals(Files.getFileStore(directory).type()), "tmpfs pages are never written back");
    }

    /**
     * Dirty KiB of a file written any way (not only through a mapping): the file is
     * mapped read-only and every page touched, and a page the OS has not yet written
     * back shows as dirty in the mapping.
     */
    public static long ofFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return 0;
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size).load();
            String path = " " + file.toRealPath();
            long kib = dirtyKiB(mapping -> mapping.endsWith(path));
            Reference.reachabilityFence(mapped);
            return kib;
        }
    }

    /** Dirty KiB of every mapping of a cycle file under {@code queue} in this process. */
    static long ofQueue(Path queue) throws IOException {
        String prefix = queue.toRealPath() + "/";
        return dirtyKiB(mapping -> mapping.contains(prefix) && mapping.endsWith(".cq4"));
    }

    /** Dirty KiB of this process's mappings whose smaps line (address range ... path) passes {@code mapping}. */
    private static long dirtyKiB(Predicate<String> mapping) throws IOException {
        long kib = 0;
        boolean inside = false;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                inside = mapping.test(line);
            } else if (inside && (line.startsWith("Shared_Dirty:") || line.startsWith("Private_Dirty:"))) {
                kib += Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return kib;
    }
}
