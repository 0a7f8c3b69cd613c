package io.ringbook.app;

import io.ringbook.app.profile.Credentials;
import io.ringbook.app.profile.Ports;
import io.ringbook.app.profile.Profile;
import io.ringbook.app.profile.RunSettings;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.RejectStorm;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.gateway.rest.RateLimits;
import io.ringbook.journal.Durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Trades a scratch copy of the engine through a synthetic session before the real engine
 * takes orders, so that the JIT has compiled the doors, the decision path, the journal's
 * appends and the outbound side by the time the first client comes. A fresh JVM runs that
 * code in its interpreter and compiles it while orders wait: on this machine the warm-up
 * lowered the p99 of a REST or FIX client's first four seconds in each of twelve
 * alternated pairs, by 8-83% (docs/PERFORMANCE.md, "A fresh engine's first seconds").
 *
 * <p>The scratch engine is the profile's own (its symbols, accounts, wait strategies,
 * durability and doors), in a temporary directory of its own, on free ports, trading
 * around the clock with no account limits, no reject-storm breaker and no gateway rate
 * limits (a burst would otherwise be throttled or stopped, and only the refusals would be
 * warm). Its doors are sent a share of requests first, as clients send them
 * ({@link RestWarmUp}, {@link FixWarmUp}), then the ring takes the session's commands
 * straight from here ({@link WarmUpFlow}). It is closed and its directory deleted before
 * the real engine's pipeline starts, so it leaves nothing but compiled code.
 */
final class WarmUp {

    /** The warm-up stops sending after this long whatever it has sent (a scratch engine that refuses orders, a slow disk). */
    static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(20);
    /** One REST request and one FIX request for this many commands through the ring (1,000 each for the default 200,000). */
    static final int COMMANDS_PER_REQUEST = 200;
    private static final int MIN_CLORDIDS = 1 << 16;
    /** Far above what the warm-up's clients send: the scratch door's buckets never refuse. */
    private static final RateLimits UNLIMITED_DOORS = new RateLimits(1_000_000, 60_000_000, 1_000_000, 60_000_000, 1_000_000, 1);
    private static final SecureRandom KEYS = new SecureRandom();
    private static final String LOOPBACK = "127.0.0.1";

    private WarmUp() {
    }

    /**
     * What the warm-up did: commands sent through the ring, REST requests served (2xx) by
     * kind of request ({@link RestWarmUp}), FIX requests sent and reports received, trades
     * made, how long it took, and where its scratch engine lived (deleted unless a failure
     * to delete it is said in {@link #describe}).
     */
    record Result(long commands, long[] restServedByKind, long fixRequests, long fixReports, long trades, long millis,
                  Path directory) {

        long restServed() {
            return LongStream.of(restServedByKind).sum();
        }
    }

    /**
     * Runs the warm-up and says in a line what it did; one that fails is said so, and the
     * start goes on without it (the engine is as correct cold, only slower at first).
     */
    static String describe(Profile profile, PipelineConfig config, Durability durability, int commands) {
        try {
            Result done = run(profile, config, durability, commands);
            return done.commands() + " scratch commands, " + done.restServed() + " REST requests served and " + done.fixRequests()
                    + " FIX requests (" + done.trades() + " trades) in " + done.millis() + " ms before opening, "
                    + (Files.exists(done.directory()) ? "its directory " + done.directory() + " not deleted" : "their directory deleted")
                    + " (--warm-up 0 skips it)";
        } catch (RuntimeException failed) {
            return "failed, started without it: " + failed;
        }
    }

    /** Runs {@code commands} synthetic commands through a scratch engine of {@code profile}, then closes and deletes it. */
    static Result run(Profile profile, PipelineConfig config, Durability durability, int commands) {
        long start = System.nanoTime();
        long deadline = start + LIMIT_NANOS;
        Path directory = scratchDirectory();
        // a process stopped (Ctrl-C, SIGTERM) during the warm-up leaves no scratch directory either
        Thread deleteAtExit = new Thread(() -> delete(directory), "ringbook-warm-up-cleanup");
        Runtime.getRuntime().addShutdownHook(deleteAtExit);
        try {
            Profile scratchProfile = scratchProfile(profile, commands);
            ReferenceData data = scratchProfile.referenceData();
            long[] mids = WarmUpFlow.mids(data);
            int requests = commands / COMMANDS_PER_REQUEST;
            RestWarmUp rest = new RestWarmUp(LOOPBACK, data, mids);
            FixWarmUp fix = new FixWarmUp(data, mids);
            try (RunningEngine scratch = RunningEngine.startScratch(scratchProfile, directory, config, durability)) {
                String account = data.accounts().name(0);
                String compId = scratchProfile.fix().senderCompIds().getOrDefault(account, account);
                // the two doors at once: each client mostly waits for its answers
                CompletableFuture<Long> fixSent = CompletableFuture.supplyAsync(() -> fix.run(compId,
                        scratchProfile.credentials().fixPasswords().get(0), LOOPBACK, scratch.fixPort(), requests, deadline),
                        runnable -> new Thread(runnable, "ringbook-warm-up-fix").start());
                rest.run(scratch.restPort(), keysByAccount(scratchProfile.credentials()), requests, deadline);
                long fixRequests = fixSent.join();
                long sent = send(scratch.pipeline().publisher(), new WarmUpFlow(data), commands, deadline);
                awaitIdle(scratch, deadline);
                return new Result(sent, rest.servedByKind(), fixRequests, fix.reports(), scratch.pipeline().logic().lastTradeId(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), directory);
            }
        } finally {
            try {
                delete(directory);
                removeHook(deleteAtExit);
            } catch (UncheckedIOException notDeleted) {
                // the hook tries again at exit; describe() says the directory is left
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down: the hook runs, and finds the directory gone
        }
    }

    /**
     * The scratch engine's profile: the same symbols and accounts, trading around the clock,
     * its accounts without limits and no reject-storm breaker (so that a burst is neither
     * throttled nor stopped by its own refusals), its doors on loopback and free ports, no
     * gateway rate limit, a new random API key and FIX password per account (none signs),
     * no admin token, no disk reserve (its temporary directory's disk is not the journal's),
     * no backups, its day's clOrdId index sized for the session.
     */
    static Profile scratchProfile(Profile profile, int commands) {
        ReferenceData data = profile.referenceData();
        RiskSettings risk = data.risk();
        SymbolTable symbols = new SymbolTable(data.symbols().all().stream()
                .map(s -> new SymbolSpec(s.id(), s.name(), s.tickSize(), s.lotSize(), s.makerFeePpm(), s.takerFeePpm()))
                .toList());
        RiskSettings unlimited = new RiskSettings(risk.symbols(),
                Collections.nCopies(data.accounts().size(), AccountLimits.none(symbols.size())), RejectStorm.NONE,
                risk.maxOpenOrders());
        Map<String, Integer> keys = new HashMap<>();
        Map<Integer, String> fixPasswords = new HashMap<>();
        for (int account = 0; account < data.accounts().size(); account++) {
            keys.put("warm-up-" + account + "-" + randomHex(), account);
            fixPasswords.put(account, randomHex());
        }
        RunSettings run = profile.run();
        return new Profile(profile.name(), new ReferenceData(symbols, data.accounts(), unlimited),
                new Credentials(keys, Map.of(), fixPasswords, Map.of()), UNLIMITED_DOORS, LOOPBACK, Ports.any(), profile.fix(),
                new RunSettings(run.waitStrategy(), run.outboundWait(), run.snapshotEverySeconds(), run.durability(), null,
                        Math.min(run.clOrdIdsPerDay(), Math.max(commands, MIN_CLORDIDS)), 0, run.outputJournalThread()));
    }

    private static String randomHex() {
        byte[] random = new byte[16];
        KEYS.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The scratch door's keys, the first account's first. */
    private static List<String> keysByAccount(Credentials credentials) {
        return credentials.apiKeys().entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    private static long send(CommandPublisher publisher, WarmUpFlow flow, int commands, long deadline) {
        long sent = 0;
        while (sent < commands && System.nanoTime() - deadline < 0) {
            if (publisher.tryPublish(flow)) {
                sent++;
            } else {
                Thread.yield();
            }
        }
        return sent;
    }

    private static void awaitIdle(RunningEngine scratch, long deadline) {
        while (!scratch.pipeline().isIdle() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Path scratchDirectory() {
        try {
            return Files.createTempDirectory("ringbook-warm-up-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the warm-up's scratch directory", e);
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the warm-up's scratch directory " + directory, e);
        }
    }
}
