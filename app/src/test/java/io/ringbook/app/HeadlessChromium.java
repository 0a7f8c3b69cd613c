package io.ringbook.app;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A headless Chromium for page tests: found on PATH (.ci/run installs it), run once per
 * page, DOM or screenshot out, with a profile directory of the test's own (under its
 * temporary directory, which JUnit removes), so that two page test classes running at
 * once never share a profile.
 */
record HeadlessChromium(Path browser, Path profile) {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    /** The browser, or null after printing a notice that the calling test is skipped. */
    static Path findOrNotice(String test) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            try (Stream<Path> candidates = Stream.of(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, name))) {
                Path found = candidates.filter(Files::isExecutable).findFirst().orElse(null);
                if (found != null) {
                    return found;
                }
            }
        }
        System.err.println("NOTICE: " + test + " skipped: no headless Chromium on PATH (" + NAMES + "); .ci/run installs it");
        return null;
    }

    /** The browser, with its profile in {@code profile}; without one the calling test is skipped (an assumption), with a notice. */
    static HeadlessChromium findOrSkip(String test, Path profile) {
        Path browser = findOrNotice(test);
        Assumptions.assumeTrue(browser != null, "no headless Chromium on PATH");
        return new HeadlessChromium(browser, profile);
    }

    /** Loads {@code url} and returns the DOM after its scripts ran. */
    String dom(String url) throws IOException, InterruptedException {
        return run("--dump-dom", url);
    }

    /** Loads {@code url} and saves a screenshot. */
    void screenshot(String url, Path png) throws IOException, InterruptedException {
        run("--screenshot=" + png, url);
        assertTrue(Files.size(png) > 10_000, "a screenshot of the page");
    }

    private String run(String output, String url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--hide-scrollbars", "--window-size=1400,1000", "--virtual-time-budget=5000",
                output, url));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the browser finishes");
        assertEquals(0, process.exitValue(), "the browser's exit code");
        return out;
    }
}
