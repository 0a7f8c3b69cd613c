package io.ringbook.app;

import io.ringbook.app.profile.ClusterSection;
import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Profile;
import io.ringbook.app.profile.ProfileFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ringbook cluster demo|node|gateway}: the business logic replicated on three
 * nodes (Aeron Cluster) and the doors as a client of it (API.md, "Cluster mode";
 * docs/CLUSTER.md). Without {@code --config}, the demo profile and the demo's cluster.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        subcommands = {ClusterDemoCommand.class, ClusterNodeCommand.class, ClusterGatewayCommand.class},
        description = "Cluster mode: three replicated nodes and a gateway (docs/CLUSTER.md).")
final class ClusterCommand implements Runnable {

    /** Where the demo keeps its nodes' data unless told otherwise. */
    static final Path DEFAULT_DATA = Path.of("data-cluster");

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "cluster needs demo, node or gateway");
    }

    static Profile profile(Path config) {
        return config == null ? DemoProfile.profile() : ProfileFile.read(config, System::getenv);
    }

    static ClusterSection section(Path config) {
        return config == null ? ClusterSection.demo(DEFAULT_DATA) : ClusterSection.read(config, System::getenv);
    }

    /**
     * Blocks until the process is asked to stop, then stops {@code running}; or until
     * {@code refusal} completes (a node whose configuration is not the cluster's), then
     * stops it, says why in one line and returns 1.
     */
    static int runUntilStopped(AutoCloseable running, String name, CompletableFuture<String> refusal) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            close(running, name);
            System.out.println("ringbook: " + name + " stopped");
            stopped.countDown();
        }, "ringbook-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        refusal.whenComplete((why, failure) -> stopped.countDown());
        stopped.await();
        String why = refusal.getNow(null);
        if (why == null) {
            return 0;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return 1;
        }
        close(running, name);
        System.err.println("ringbook: " + name + " refuses to start: " + why);
        return 1;
    }

    private static void close(AutoCloseable running, String name) {
        try {
            running.close();
        } catch (Exception e) {
            System.err.println("ringbook: " + name + " did not stop cleanly: " + e);
        }
    }
}
