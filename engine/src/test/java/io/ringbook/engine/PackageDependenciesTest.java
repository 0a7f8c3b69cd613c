package io.ringbook.engine;

import io.ringbook.engine.testing.PackageGraph;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine is the deterministic core: its packages form no cycle and it uses only the JDK, Disruptor and Agrona. */
class PackageDependenciesTest {

    private final PackageGraph engine = PackageGraph.of(Path.of("src/main/java"));

    @Test
    void shouldHaveNoCycleBetweenPackages() {
        assertTrue(engine.packages().size() > 5, "sources found: " + engine.packages());
        assertEquals(List.of(), engine.cycles());
    }

    @Test
    void shouldImportNothingButTheJdkDisruptorAndAgrona() {
        assertEquals(List.of(), engine.importsOutside(List.of("java.", "io.ringbook.engine.", "com.lmax.disruptor.", "org.agrona.")));
    }
}
