package io.ringbook.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

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
        String engineLine = Files.readAllLines(SCRIPT).stream().filter(line -> line.contains("-jar \"$jar\" \"$@\""))
                .findFirst().orElseThrow();
        assertTrue(engineLine.contains("-XX:+ExitOnOutOfMemoryError"), engineLine);
    }

    /**
     * The engine's JVM maps the classes of a class-data archive, made once per build, where
     * there is one (naming a missing one would turn off the JDK's own default archive); one of
     * another build must not stop a start nor add a line to its stdout (scripts read the
     * banner): the JVM ignores it, and its warning goes to stderr.
     */
    @Test
    void shouldStartWhateverTheClassDataArchiveAndKeepItsWarningsOffStdout(@TempDir Path dir) throws Exception {
        String script = Files.readString(SCRIPT);
        assertTrue(script.contains("if [[ -f \"$cds_archive\" ]]; then\n      cds_flags=(-XX:SharedArchiveFile=\"$cds_archive\")"),
                "the engine's JVM is given the archive where there is one");
        assertTrue(script.contains("exec java ${cds_flags[@]+\"${cds_flags[@]}\"} "), "the engine's JVM uses the archive");
        List<String> logFlags = Arrays.stream(script.substring(script.indexOf("exec java ${cds_flags")).split("\\s+"))
                .takeWhile(token -> !token.equals("-jar")).filter(token -> token.startsWith("-Xlog")).toList();
        assertEquals(List.of("-Xlog:disable", "-Xlog:all=warning:stderr"), logFlags);
        Path source = Files.writeString(dir.resolve("Hello.java"), "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString()));
        Path built = jar(dir.resolve("Hello.class"), dir.resolve("built.jar"));
        Path rebuilt = jar(dir.resolve("Hello.class"), dir.resolve("rebuilt.jar"));
        Path archive = dir.resolve("hello.jsa");
        assertEquals("hello\n", java(List.of("-XX:ArchiveClassesAtExit=" + archive), built).stdout);
        assertTrue(Files.size(archive) > 0, "the training run wrote the archive");

        JavaRun foreign = java(flags("-XX:SharedArchiveFile=" + archive, logFlags), rebuilt);
        assertEquals(0, foreign.exitCode);
        assertEquals("hello\n", foreign.stdout, "an archive of another class path is ignored, nothing on stdout");
        assertTrue(foreign.stderr.contains("Unable to use shared archive"), foreign.stderr);
    }

    /** A jar of the one class (class-data sharing archives classes of jars, not of directories). */
    private static Path jar(Path classFile, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(classFile.getFileName().toString()));
            out.write(Files.readAllBytes(classFile));
        }
        return jar;
    }

    private static List<String> flags(String archive, List<String> logFlags) {
        List<String> flags = new ArrayList<>(List.of(archive));
        flags.addAll(logFlags);
        return flags;
    }

    private record JavaRun(int exitCode, String stdout, String stderr) {
    }

    private static JavaRun java(List<String> flags, Path classPath) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath.toString(), "Hello"));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new JavaRun(process.exitValue(), stdout, new String(stderr.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
