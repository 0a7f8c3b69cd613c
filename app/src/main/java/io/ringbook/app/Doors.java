package io.ringbook.app;

import io.ringbook.admin.AdminApi;
import io.ringbook.app.profile.ConfigException;
import io.ringbook.app.profile.Profile;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.gateway.fix.FixGateway;
import io.ringbook.gateway.rest.RestGateway;
import io.ringbook.risk.RiskBoard;

import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The doors as both processes that serve clients build them, the single-process engine
 * ({@link RunningEngine}) and the cluster gateway ({@link ClusterGateway}): the admin API,
 * the REST and WebSocket gateway and the FIX acceptor of a profile, on the risk board the
 * doors read; which of their listeners are read models (rebuilt from the output journal
 * at start) and which follow the live events; and how a door that cannot listen is
 * reported. One place, so that the two modes cannot drift apart.
 */
final class Doors {

    private Doors() {
    }

    /** The admin API, reading the REST gateway's read models (one set a process). */
    static AdminApi admin(Profile profile, RiskBoard riskBoard, Path dataDir, EpochClock clock, RestGateway rest) {
        return new AdminApi(profile.referenceData(), profile.credentials().adminKeys(), riskBoard, dataDir, clock,
                rest.readModels());
    }

    static RestGateway rest(Profile profile, RiskBoard riskBoard) {
        return new RestGateway(profile.referenceData(), profile.credentials().gatewayKeys(), profile.rateLimits(), riskBoard);
    }

    /**
     * The FIX acceptor, its session store in {@code dataDir/fix}, finding the orders it no
     * longer keeps through the REST gateway's read models; not listening yet.
     */
    static FixGateway fix(Profile profile, Path dataDir, RestGateway rest) {
        FixGateway fix = new FixGateway(profile.referenceData(), profile.listenAddress(), profile.ports().fix(),
                dataDir.resolve("fix"), profile.fix(), profile.credentials().fixLogons());
        fix.readModels(rest.readModels().orders());
        return fix;
    }

    /** The listeners rebuilt from the output journal at start (read models), in the order the doors want them. */
    static List<EngineListener> readModels(RestGateway rest, FixGateway fix) {
        List<EngineListener> readModels = new ArrayList<>(rest.listeners());
        readModels.addAll(fix.listeners());
        return readModels;
    }

    /** Every listener of the live events. */
    static List<EngineListener> listeners(RestGateway rest, AdminApi admin, FixGateway fix) {
        List<EngineListener> listeners = new ArrayList<>(rest.listeners());
        listeners.addAll(admin.listeners());
        listeners.addAll(fix.listeners());
        return listeners;
    }

    /** Starts a door; a port already taken is a mistake of the set-up, said in one line rather than a stack trace. */
    static int listen(IntSupplier start, String door, String host, int port, String option) {
        try {
            return start.getAsInt();
        } catch (RuntimeException failed) {
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    throw new ConfigException("port " + port + " of the " + door + " on " + host
                            + " is in use: stop what holds it, or choose another with " + option + " (or ports in a configuration file)");
                }
            }
            throw failed;
        }
    }
}
