package io.ringbook.app.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Order files (API.md, "Order files") for tests: the header row, then the rows given, one a line. */
final class OrderFiles {

    private OrderFiles() {
    }

    /** Writes {@code rows} under the header into {@code file}; answers the file. */
    static Path write(Path file, String... rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", OrderFile.COLUMNS));
        lines.addAll(List.of(rows));
        lines.add("");
        return Files.writeString(file, String.join("\n", lines));
    }
}
