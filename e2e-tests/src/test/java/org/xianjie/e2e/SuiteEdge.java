package org.xianjie.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.xianjie.localinfra.Edge;
import org.xianjie.localinfra.Ports;
import org.xianjie.localinfra.RouteTable;
import org.xianjie.localinfra.Services;

/** The running suite behind one edge port, routed by deploy/'s HTTPRoutes as the Gateway routes it. */
final class SuiteEdge {

    private SuiteEdge() {}

    static Edge start() {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<String, URI> backends = new HashMap<>();
        for (Services service : Services.all()) {
            backends.put(service.module(), URI.create(RunningSuite.get().url(service)));
        }
        return new Edge(RouteTable.read(root.resolve("deploy/base/gateway.yaml")), backends).start(Ports.free());
    }
}
