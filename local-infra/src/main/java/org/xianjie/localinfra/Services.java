package org.xianjie.localinfra;

import java.nio.file.Path;
import java.util.List;

/** The three services of the suite, their modules, default ports and databases. */
public enum Services {
    CASE("case-service", 8081, "xianjie_case"),
    REFERRAL("referral-service", 8082, "xianjie_referral"),
    NOTIFICATION("notification-service", 8083, "xianjie_notification");

    private final String module;
    private final int defaultPort;
    private final String database;

    Services(String module, int defaultPort, String database) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }

    public Path jar(Path projectRoot) {
        return projectRoot
                .resolve(module)
                .resolve("target")
                .resolve("quarkus-app")
                .resolve("quarkus-run.jar");
    }

    public static List<Services> all() {
        return List.of(values());
    }
}
