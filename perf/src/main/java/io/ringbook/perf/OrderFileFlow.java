package io.ringbook.perf;

import io.ringbook.app.backtest.OrderFile;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ReferenceData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An order file of API.md read up front (so reading it costs the run nothing) and
 * played once, row by row. Its times are not used: the pipeline stamps event time as it
 * journals, and the harness paces by {@code --rate}. Cancels and amends name their
 * order by origClOrdId, which the engine resolves, so the file means what it says.
 */
final class OrderFileFlow implements CommandFlow {

    private final Command[] commands;
    private int next;

    OrderFileFlow(Path file, ReferenceData data) throws IOException {
        List<Command> read = new ArrayList<>();
        new OrderFile(data, false).read(file, command -> {
            Command copy = new Command();
            copy.copyFrom(command);
            read.add(copy);
        });
        this.commands = read.toArray(new Command[0]);
    }

    int size() {
        return commands.length;
    }

    @Override
    public Command next() {
        return next < commands.length ? commands[next++] : null;
    }
}
