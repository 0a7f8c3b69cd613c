package io.ringbook.app.profile;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.gateway.rest.RateLimits;

import java.util.Map;

/**
 * Everything one run of the engine is set up from: what it trades and for whom (the
 * reference data the journal records), who may come in (credentials), the gateways'
 * limits and options, where it listens, and how it runs. The demo profile is one;
 * {@link ProfileFile} reads the others.
 *
 * @param name          {@code demo}, or the configuration file it came from
 * @param listenAddress the address all three doors bind to
 * @param fix           the FIX acceptor's session options
 * @param run           how the engine runs; the command line overrides each
 */
public record Profile(String name, ReferenceData referenceData, Credentials credentials, RateLimits rateLimits,
                      String listenAddress, Ports ports, FixOptions fix, RunSettings run) {

    /**
     * The FIX acceptor's options: for every session, and the SenderCompIDs of accounts
     * that do not log on with their name.
     */
    public record FixOptions(boolean resetOnLogon, boolean cancelOnDisconnect, Map<String, String> senderCompIds) {

        /** Sequence numbers persist; a session that goes away has its orders canceled (API.md's default); CompID = account. */
        public static final FixOptions DEFAULTS = new FixOptions(false, true, Map.of());

        public FixOptions {
            senderCompIds = Map.copyOf(senderCompIds);
        }
    }

    /** This profile listening elsewhere (the command line's ports, or any free ports in tests). */
    public Profile withPorts(Ports other) {
        return new Profile(name, referenceData, credentials, rateLimits, listenAddress, other, fix, run);
    }

    /** This profile run otherwise. */
    public Profile withRun(RunSettings other) {
        return new Profile(name, referenceData, credentials, rateLimits, listenAddress, ports, fix, other);
    }
}
