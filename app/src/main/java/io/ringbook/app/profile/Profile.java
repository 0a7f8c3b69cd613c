package io.ringbook.app.profile;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.gateway.fix.FixSessionOptions;
import io.ringbook.gateway.rest.RateLimits;

/**
 * Everything one run of the engine is set up from: what it trades and for whom (the
 * reference data the journal records), who may come in (credentials), the gateways'
 * limits and options, where it listens, and how it runs. The demo profile is one;
 * {@link ProfileFile} reads the others.
 *
 * @param name          {@code demo}, or the configuration file it came from
 * @param listenAddress the address all three doors bind to
 * @param fix           the FIX acceptor's session options, per account where they differ
 * @param run           how the engine runs; the command line overrides each
 */
public record Profile(String name, ReferenceData referenceData, Credentials credentials, RateLimits rateLimits,
                      String listenAddress, Ports ports, FixSessionOptions fix, RunSettings run) {

    /** This profile listening elsewhere (the command line's ports, or any free ports in tests). */
    public Profile withPorts(Ports other) {
        return new Profile(name, referenceData, credentials, rateLimits, listenAddress, other, fix, run);
    }

    /** This profile run otherwise. */
    public Profile withRun(RunSettings other) {
        return new Profile(name, referenceData, credentials, rateLimits, listenAddress, ports, fix, other);
    }
}
