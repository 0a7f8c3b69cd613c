package io.ringbook.app;

import io.ringbook.app.profile.ClusterSection;
import io.ringbook.app.profile.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ringbook cluster gateway}: the doors as a client of the cluster until the process is stopped. */
@Command(name = "gateway", mixinStandardHelpOptions = true, description = "Run the doors (REST, FIX, admin) as a cluster client.")
final class ClusterGatewayCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Mixin
    DataDirOption dataDir = new DataDirOption("data-cluster/gateway");

    @Option(names = "--nodes", paramLabel = "DIR", description = "Where the demo's nodes keep their data (DIR/node-N), for their roles.")
    Path nodes;

    @Override
    public Integer call() throws InterruptedException {
        Profile profile = ClusterCommand.profile(config.path());
        ClusterSection cluster = nodes != null && config.path() == null ? ClusterSection.demo(nodes) : ClusterCommand.section(config.path());
        Path data = dataDir.path().toAbsolutePath().normalize();
        ClusterGateway gateway = new ClusterGateway(profile, cluster, data);
        String host = profile.listenAddress();
        System.out.println("Ringbook " + RingbookCommand.version() + " cluster gateway (" + profile.name() + "), members "
                + cluster.topology().members().stream().map(m -> m.host() + ":" + m.ingressPort()).toList());
        System.out.println("  REST      http://" + host + ":" + gateway.restPort() + "/api/v1");
        System.out.println("  FIX 4.4   " + host + ":" + gateway.fixPort());
        System.out.println("  admin     http://" + host + ":" + gateway.adminPort() + "  (GET /admin/v1/cluster)");
        System.out.println("  data      " + data + ", pid " + ProcessHandle.current().pid());
        return ClusterCommand.runUntilStopped(gateway, "cluster gateway", gateway.client().refusal());
    }
}
