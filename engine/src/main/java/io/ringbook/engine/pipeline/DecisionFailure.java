package io.ringbook.engine.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import io.ringbook.engine.command.Command;

/**
 * What happens when the journal-and-decide stage throws (a journal that cannot be
 * written: disk full, I/O error; or a bug): the stage stops, as it must, since a command
 * that cannot be journaled must not be decided, and the publisher refuses every command
 * from then on, so that clients get 503 at once instead of waiting for answers that
 * will never come. Commands already taken have an unknown fate (504): those journaled
 * are decided by recovery at the next start. Health shows the business logic DOWN, and,
 * when the logic threw on a command, which one ({@link #failedCommand()}).
 */
final class DecisionFailure implements ExceptionHandler<Command> {

    private static final System.Logger LOG = System.getLogger("ringbook.logic");

    private final CommandPublisher publisher;
    private volatile CommandFailedException failedCommand;

    DecisionFailure(CommandPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void handleEventException(Throwable failure, long sequence, Command command) {
        if (failure instanceof CommandFailedException poison) {
            failedCommand = poison;
            publisher.stop("the engine stopped deciding: " + poison.getMessage());
            LOG.log(System.Logger.Level.ERROR, poison.getMessage() + "; refusing every command from now on", poison.getCause());
            throw new IllegalStateException("the engine stopped deciding", failure);
        }
        publisher.stop("the engine stopped deciding (" + failure + "); restart it to recover from the journal");
        LOG.log(System.Logger.Level.ERROR, "the journal-and-decide stage failed at ring sequence " + sequence
                + " (" + command.type + "); refusing every command from now on", failure);
        throw new IllegalStateException("the engine stopped deciding", failure);
    }

    /** The command the business logic threw on, or null. */
    CommandFailedException failedCommand() {
        return failedCommand;
    }

    @Override
    public void handleOnStartException(Throwable failure) {
        publisher.stop("the engine did not start deciding (" + failure + ")");
        LOG.log(System.Logger.Level.ERROR, "the journal-and-decide stage did not start", failure);
    }

    @Override
    public void handleOnShutdownException(Throwable failure) {
        LOG.log(System.Logger.Level.ERROR, "the journal-and-decide stage failed while stopping", failure);
    }
}
