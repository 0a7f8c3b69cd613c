/**
 * Read models kept on the outbound thread from the engine's events, for HTTP threads to
 * read under their own locks: positions, open orders. The business logic's own state is
 * never read from another thread.
 */
package io.ringbook.views;
