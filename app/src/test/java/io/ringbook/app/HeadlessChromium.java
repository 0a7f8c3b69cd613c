package io.ringbook.app;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A headless Chromium for page tests: found on PATH (.ci/run installs it), run once per page, DOM or screenshot out. */
final class HeadlessChromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private HeadlessChromium() {
    }

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

    /** The browser; without one the calling test is skipped (an assumption), with a notice. */
    static Path findOrSkip(String test) {
        Path browser = findOrNotice(test);
        Assumptions.assumeTrue(browser != null, "no headless Chromium on PATH");
        return browser;
    }

    /** Loads {@code url} and returns the DOM after its scripts ran. */
    static String dom(Path browser, String url) throws IOException, InterruptedException {
        return run(browser, "--dump-dom", url);
    }

    /** Loads {@code url} and saves a screenshot. */
    static void screenshot(Path browser, String url, Path png) throws IOException, InterruptedException {
        run(browser, "--screenshot=" + png, url);
        assertTrue(Files.size(png) > 10_000, "a screenshot of the page");
    }

    /** Each run with a profile of its own, so that two test classes running at once never share one. */
    private static String run(Path browser, String output, String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("ringbook-chromium");
        try {
            List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--user-data-dir=" + profile, "--hide-scrollbars", "--window-size=1400,1000", "--virtual-time-budget=5000",
                    output, url));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the browser finishes");
            assertEquals(0, process.exitValue(), "the browser's exit code");
            return out;
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
