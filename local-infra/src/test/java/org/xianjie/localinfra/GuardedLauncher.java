package org.xianjie.localinfra;

import java.nio.file.Path;

/**
 * Starts what the local stack starts, guarded as the local stack guards it: PostgreSQL (whose
 * postmaster pg_ctl detaches), a Kafka broker (under {@link ParentWatch}) and a plain child process
 * standing in for a service JVM. Prints their process ids, then waits to be killed.
 * Usage: {@code GuardedLauncher <data-dir>}.
 */
public final class GuardedLauncher {

    private GuardedLauncher() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Postgres pg = Postgres.embedded(dir.resolve("postgres"), Ports.free());
        long postmaster = pg.postmaster().orElseThrow().pid();
        ChildGuard.guard(postmaster, "INT");
        KafkaBroker.onFreePorts(dir.resolve("kafka")).start();
        Process service = new ProcessBuilder("sleep", "600").start();
        ChildGuard.guard(service.pid(), "TERM");
        long kafka = ProcessHandle.current()
                .children()
                .filter(p -> p.info().commandLine().orElse("").contains("kafka.Kafka"))
                .findFirst()
                .orElseThrow()
                .pid();
        System.out.println("children " + postmaster + " " + kafka + " " + service.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
