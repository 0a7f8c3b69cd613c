package io.ringbook.risk;

import io.ringbook.engine.testing.PackageGraph;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Risk runs on the logic thread: it knows the engine and the JDK, nothing else, and its packages form no cycle. */
class PackageDependenciesTest {

    private final PackageGraph risk = PackageGraph.of(Path.of("src/main/java"));

    @Test
    void shouldHaveNoCycleBetweenPackages() {
        assertEquals(List.of(), risk.cycles());
    }

    @Test
    void shouldImportOnlyTheEngineAndTheJdk() {
        assertEquals(List.of(), risk.importsOutside(List.of("java.", "io.ringbook.engine.", "io.ringbook.risk.")));
    }
}
