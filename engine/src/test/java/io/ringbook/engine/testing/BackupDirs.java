package io.ringbook.engine.testing;

import java.nio.file.Path;

/**
 * The directories of a backup test, side by side under its temporary directory: the
 * engine's data directory, the backup's destination, and whatever else the test names
 * beside them (restores, copies). One fixture for the backup tests of every module.
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
}
