package io.ringbook.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code ringbook} launcher at the repository root, run as a user runs it (commands that need no build). */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("..", "ringbook").toAbsolutePath().normalize();

    @Test
    void shouldPrintUsageForHelpAndRefuseUnknownCommands() throws Exception {
        assertTrue(Files.isExecutable(SCRIPT), SCRIPT + " is executable");
        Result help = run("help");
        assertEquals(0, help.exitCode);
        for (String command : new String[] {"start", "replay --data DIR", "journal --data DIR", "bench"}) {
            assertTrue(help.output.contains(command), command + " in\n" + help.output);
        }
        Result unknown = run("launch");
        assertEquals(2, unknown.exitCode);
        assertTrue(unknown.output.contains("unknown command 'launch'"), unknown.output);
    }

    /** Out of heap, the engine's JVM must exit (a supervisor restarts it), not stay up refusing everything. */
    @Test
    void shouldRunTheEngineInAJvmThatExitsWhenItRunsOutOfMemory() throws IOException {
        String engineLine = Files.readAllLines(SCRIPT).stream().filter(line -> line.contains("-jar \"$jar\""))
                .findFirst().orElseThrow();
        assertTrue(engineLine.contains("-XX:+ExitOnOutOfMemoryError"), engineLine);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }
}
