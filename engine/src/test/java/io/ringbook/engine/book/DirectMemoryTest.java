package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A day index that runs out of direct memory ends its process with the exit code of
 * {@code -XX:+ExitOnOutOfMemoryError}, in a JVM of its own with a few megabytes of it.
 */
class DirectMemoryTest {

    @Test
    void shouldEndTheProcessWhenTheArenaFindsNoDirectMemory() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-")).toList());
        command.addAll(List.of("-XX:MaxDirectMemorySize=4m", "-cp", System.getProperty("java.class.path"), Fill.class.getName()));
        Process process = new ProcessBuilder(command).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the filling JVM ended");
        String out = read(process.getInputStream().readAllBytes());
        String err = read(process.getErrorStream().readAllBytes());

        assertEquals(DirectMemory.EXIT_CODE, process.exitValue(), out + err);
        assertTrue(err.contains("ringbook: out of direct memory for a clOrdId day index"), err);
        assertTrue(out.contains("first chunks filled"), "it ran out while filling, not at start: " + out);
        assertFalse(out.contains("every id filed"), out);
    }

    private static String read(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Files ids of 36 characters (64 bytes of arena each) until the limit, far beyond it. */
    public static final class Fill {
        public static void main(String[] args) {
            ClOrdIdIndex index = ClOrdIdIndex.forDays(1_000);
            ClOrdId id = new ClOrdId();
            for (long i = 1; i <= 1_000_000; i++) {
                id.set(String.format("%036x", i * 0x9E3779B97F4A7C15L >>> 1));
                index.put((int) (i % 7), id, i);
                if (i == 10_000) {
                    System.out.println("first chunks filled");
                    System.out.flush();
                }
            }
            System.out.println("every id filed: " + index.size());
        }
    }
}
