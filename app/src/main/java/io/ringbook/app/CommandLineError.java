package io.ringbook.app;

/**
 * A command-line mistake the user can correct (an unknown record type, a time without a
 * zone, a data directory that holds no journal): the command ends with this one-line
 * message, saying what was wrong and what is accepted, and exit code 2, never a stack
 * trace.
 */
final class CommandLineError extends RuntimeException {

    CommandLineError(String message) {
        super(message, null, false, false);
    }
}
