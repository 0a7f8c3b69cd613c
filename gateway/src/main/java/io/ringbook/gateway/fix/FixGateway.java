package io.ringbook.gateway.fix;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.health.HealthCheck;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.health.HealthStatus;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.views.orders.OrderViews;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.CachedFileStore;
import quickfix.CachedFileStoreFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The FIX 4.4 order gateway of API.md: a QuickFIX/J acceptor, {@code TargetCompID}
 * {@value #COMP_ID}, one session per account (its SenderCompID is the account's name;
 * any other CompID, and a Logon without the account's Password(554), is refused with a
 * Logout before QuickFIX/J sees it: {@link FixLogonGate}), sequence numbers and sent messages kept in
 * QuickFIX/J's cached file store under the data directory so that they survive a restart and resend
 * requests are served (its in-memory index is bounded; older stores are carried over: {@link FixStoreFiles}).
 * Orders go to the engine without waiting; reports come back from the outbound side,
 * which writes them to the socket itself while MINA holds nothing for the connection
 * ({@link DirectWrites}).
 * Cancel-on-disconnect is on unless turned off: a connection's end cancels the open
 * orders that entered through the session up to it (not the account's REST orders),
 * delayed, never lost, when the ring is full.
 */
public final class FixGateway implements AutoCloseable {

    public static final String COMP_ID = "RINGBOOK";
    static final String BEGIN_STRING = "FIX.4.4";

    private final FixCompIds compIds;
    private final FixSessions sessions;
    private final FixReports reports;
    private final FixApplication application;
    private final InlineSocketAcceptor acceptor;
    private final DirectWrites directWrites;
    private final InboundWindow window;
    private int port;

    /**
     * @param storeDir  where session sequence numbers and sent messages are kept
     * @param passwords each account's FIX password, checked at logon before any session state is touched
     */
    public FixGateway(ReferenceData data, String host, int port, Path storeDir, FixSessionOptions options, FixPasswords passwords) {
        this.compIds = new FixCompIds(data.accounts(), options.senderCompIds());
        ExecutionReports messages = new ExecutionReports(data);
        long startedAt = System.currentTimeMillis();
        this.sessions = new FixSessions(startedAt);
        EdgeExecIds execIds = new EdgeExecIds(startedAt);
        ReportBatch batch = new ReportBatch();
        this.directWrites = new DirectWrites(batch);
        this.window = new InboundWindow(compIds);
        this.reports = new FixReports(messages, sessions, execIds, batch, window);
        this.application = new FixApplication(data, compIds, sessions, reports, messages, options, execIds);
        this.port = port;
        SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SocketAcceptAddress", host);
        settings.setLong("SocketAcceptPort", port);
        settings.setString("FileStorePath", storeDir.toString());
        settings.setString("NonStopSession", "Y");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("DataDictionary", "FIX44.xml");
        settings.setString("ValidateUserDefinedFields", "N");
        settings.setString("AllowUnknownMsgFields", "Y");
        settings.setString("ResetOnLogon", options.resetOnLogon() ? "Y" : "N");
        settings.setString("SocketTcpNoDelay", "Y");
        settings.setString("SocketReuseAddress", "Y");
        List<SessionID> ids = new ArrayList<>();
        for (String compId : compIds.all()) {
            SessionID id = new SessionID(BEGIN_STRING, COMP_ID, compId);
            settings.setString(id, "BeginString", BEGIN_STRING);
            settings.setString(id, "SenderCompID", COMP_ID);
            settings.setString(id, "TargetCompID", compId);
            ids.add(id);
        }
        FixStoreFiles.upgrade(storeDir, ids);
        try {
            this.acceptor = new InlineSocketAcceptor(application, new CachedFileStoreFactory(settings), settings,
                    new PasswordMaskingLogFactory(settings), new DefaultMessageFactory());
        } catch (ConfigError e) {
            throw new IllegalStateException("FIX settings refused: " + e.getMessage(), e);
        }
        FixLogonGate gate = new FixLogonGate(compIds, passwords);
        acceptor.setIoFilterChainBuilder(chain -> {
            chain.addLast("directWrites", directWrites);
            chain.addLast("logonGate", gate);
            chain.addLast("inboundWindow", window);
        });
    }

    /**
     * The REST read models, through which the FIX answers about orders this door no
     * longer keeps (done orders beyond the newest it keeps) are found, in memory or in the
     * journal; without them such orders are unknown to FIX.
     */
    public void readModels(OrderViews orders) {
        reports.readModels(orders);
    }

    /** The listener that turns engine events into reports; register it with the pipeline. */
    public List<EngineListener> listeners() {
        return List.of(reports);
    }

    /** Starts accepting, with orders going to {@code publisher}. */
    public void start(CommandPublisher publisher) {
        application.open(publisher);
        try {
            acceptor.start();
        } catch (ConfigError e) {
            throw new IllegalStateException("FIX acceptor did not start: " + e.getMessage(), e);
        }
        port = acceptor.getEndpoints().stream().findFirst()
                .map(endpoint -> ((InetSocketAddress) endpoint.getLocalAddress()).getPort()).orElse(port);
        // only now, after recovery replayed the journal's events into the reports (which must not be sent again),
        // do the sessions that were used before this start receive reports while away
        for (Session session : acceptor.getManagedSessions()) {
            compIds.account(session.getSessionID().getTargetCompID()).ifPresent(account -> {
                if (hasSent(session)) {
                    sessions.usedBefore(account, session.getSessionID());
                }
            });
        }
    }

    private static boolean hasSent(Session session) {
        try {
            return session.getStore().getNextSenderMsgSeqNum() > 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the FIX session store of " + session.getSessionID(), e);
        }
    }

    /** The port accepting, once started (the one asked for, or the one the system gave for 0). */
    public int port() {
        return port;
    }

    /** Sessions logged on, for the admin API's health. */
    public HealthComponent health() {
        return HealthComponent.of("fixGateway", false, () -> new HealthCheck(
                acceptor.isLoggedOn() || sessions.count() == 0 ? HealthStatus.UP : HealthStatus.DEGRADED,
                health(directWrites.counts(), window.counts())));
    }

    private Map<String, Object> health(long[] written, long[] held) {
        return Map.of("port", port, "sessionsLoggedOn", sessions.count(), "writesDirect", written[0],
                "writesQueued", written[1], "readsHeld", held[0], "sessionsHeldNow", held[1]);
    }

    @Override
    public void close() {
        List<Session> managed = acceptor.getManagedSessions();
        acceptor.stop(true);
        application.close();
        reports.close();
        closeStores(managed);
    }

    /** QuickFIX/J closes a session's store only if it is {@link java.io.Closeable}, which the cached file store is not. */
    private static void closeStores(List<Session> sessions) {
        for (Session session : sessions) {
            if (session.getStore() instanceof CachedFileStore files) {
                try {
                    files.closeFiles();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close the FIX session store of " + session.getSessionID(), e);
                }
            }
        }
    }
}
