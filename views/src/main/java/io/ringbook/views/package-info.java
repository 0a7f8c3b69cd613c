/**
 * Read models kept on the outbound thread from the engine's events, for HTTP threads to
 * read under their own locks: orders ({@code orders}), positions ({@code positions}),
 * depth and trades ({@code marketdata}), held once per process ({@link
 * io.ringbook.views.ReadModels}) and written beside each engine snapshot ({@link
 * io.ringbook.views.ViewsSnapshots}). The business logic's own state is never read from
 * another thread.
 */
package io.ringbook.views;
