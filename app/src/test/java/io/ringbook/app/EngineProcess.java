package io.ringbook.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine in a JVM of its own ({@link CrashTestServer}), spoken to over its stdin and stdout, for crash tests. */
final class EngineProcess {

    private final Process process;
    private final PrintWriter in;
    private final BufferedReader out;
    private final long recoveredTo;

    private EngineProcess(Process process) throws IOException {
        this.process = process;
        this.in = new PrintWriter(process.getOutputStream(), true);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String ready = readLine();
        assertTrue(ready.startsWith("READY"), ready);
        this.recoveredTo = Long.parseLong(ready.split(" ")[1]);
    }

    /** Starts the engine on {@code data} and waits until it has recovered. */
    static EngineProcess start(Path data) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-Dchronicle")).toList());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashTestServer.class.getName());
        command.add(data.toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            return new EngineProcess(process);
        } catch (IOException | RuntimeException | Error failed) {
            process.destroyForcibly();
            throw failed;
        }
    }

    Process process() {
        return process;
    }

    /** The sequence recovery ended at. */
    long recoveredTo() {
        return recoveredTo;
    }

    void order(SplittableRandom random) {
        in.println("ORDER " + random.nextInt(4) + " " + (random.nextBoolean() ? "BUY" : "SELL") + " "
                + (95 + random.nextInt(11)) + " " + (1 + random.nextInt(9)));
    }

    String dump() throws IOException {
        in.println("DUMP");
        for (String line = readLine(); ; line = readLine()) {
            if (line.startsWith("BOOK ")) {
                return line.substring(5);
            }
        }
    }

    String readLine() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IOException("the engine process ended");
        }
        return line;
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, process.exitValue(), "killed by SIGKILL");
    }
}
