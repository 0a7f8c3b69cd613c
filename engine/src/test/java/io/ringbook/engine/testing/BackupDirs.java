package io.ringbook.engine.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The directories of a backup test, side by side under a temporary directory of its
 * own: the engine's data directory, the backup's destination, and whatever else the test
 * names beside them (restores, copies). One fixture for the backup tests of every module:
 * a test class registers {@link PerTest} and each test takes a {@code BackupDirs}.
 */
public record BackupDirs(Path root) {

    /** The engine's data directory, {@code root/data}. */
    public Path data() {
        return root.resolve("data");
    }

    /** The backup's destination, {@code root/backup}. */
    public Path backup() {
        return root.resolve("backup");
    }

    /** Another directory beside them, e.g. a restore's target. */
    public Path beside(String name) {
        return root.resolve(name);
    }

    /** JUnit: a test's {@code BackupDirs} parameter, under a new temporary directory deleted with all it holds after the test. */
    public static final class PerTest implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == BackupDirs.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            try {
                Path root = Files.createTempDirectory("ringbook-backup-test");
                context.getStore(ExtensionContext.Namespace.create(PerTest.class, root)).put(root, (AutoCloseable) () -> deleteTree(root));
                return new BackupDirs(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void deleteTree(Path root) throws IOException {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
