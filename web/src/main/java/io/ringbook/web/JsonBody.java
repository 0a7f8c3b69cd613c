package io.ringbook.web;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** Writes an answer's JSON with a streaming generator; {@link HttpJson#rendered(io.javalin.http.Context, JsonBody)} supplies the generator and the buffer. */
@FunctionalInterface
public interface JsonBody {
    void write(JsonGenerator json) throws IOException;
}
