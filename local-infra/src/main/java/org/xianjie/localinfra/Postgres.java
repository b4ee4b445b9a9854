package org.xianjie.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL 17 server from an embedded distribution (no installation, no Docker), or an
 * external server. Each service gets its own database on it.
 */
public final class Postgres implements AutoCloseable {

    private EmbeddedPostgres embedded;
    private final Path dataDir;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private Postgres(EmbeddedPostgres embedded, Path dataDir, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts an embedded server; a null {@code dataDir} means a throw-away one.
     *
     * <p>zonky's builder turns {@code synchronous_commit} off by default, which lets a commit be
     * acknowledged before its WAL is written: a killed postmaster then loses writes already answered
     * 2xx. Every server here commits synchronously. A persistent data directory (the local stack) also
     * flushes to disk ({@code fsync=on}); a throw-away one keeps {@code fsync=off}, because its WAL is
     * still written to the operating system before a commit returns, so it survives the death of any
     * process (what tests and the fault suite do), and only a crash of the whole machine, which
     * deletes a throw-away database anyway, could lose it.
     */
    public static Postgres embedded(Path dataDir, int port) {
        EmbeddedPostgres pg = startEmbedded(dataDir, port);
        return new Postgres(pg, dataDir, "127.0.0.1", pg.getPort(), "postgres", "postgres");
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", dataDir == null ? "off" : "on")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    public static Postgres external(String host, int port, String user, String password) {
        return new Postgres(null, null, host, port, user, password);
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates {@code database} unless it exists. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    /** The postmaster of an embedded server on a data directory of its own, from its {@code postmaster.pid}. */
    public Optional<ProcessHandle> postmaster() {
        if (embedded == null || dataDir == null) {
            return Optional.empty();
        }
        try {
            String first =
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
            return ProcessHandle.of(Long.parseLong(first)).filter(Postgres::running);
        } catch (IOException | RuntimeException noServer) {
            return Optional.empty();
        }
    }

    public boolean isRunning() {
        return postmaster().isPresent();
    }

    /**
     * Kills the postmaster (SIGKILL), as a crash would, and waits until its backends, which notice
     * the postmaster's death, have gone too. {@link #start()} then runs crash recovery on the same data.
     */
    public synchronized void kill() {
        ProcessHandle postmaster = postmaster().orElseThrow(() -> new IllegalStateException("no postmaster to kill"));
        List<ProcessHandle> backends = postmaster.children().toList();
        postmaster.destroyForcibly();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)
                && (running(postmaster) || backends.stream().anyMatch(Postgres::running))) {
            Ports.sleep(50);
        }
    }

    /** Alive and not a zombie: a killed postmaster is adopted by init, which may reap it late. */
    private static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException noProc) {
            return process.isAlive();
        }
    }

    /** Starts the embedded server again on its data directory and port, unless it is running. */
    public synchronized void start() {
        if (dataDir == null) {
            throw new IllegalStateException("only an embedded server on its own data directory can be restarted");
        }
        if (isRunning()) {
            return;
        }
        try {
            // Releases the lock the embedded library holds on the data directory; its stop of the
            // dead server fails harmlessly.
            embedded.close();
        } catch (IOException | RuntimeException ignored) {
            // the server is gone already
        }
        RuntimeException last = null;
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try {
                embedded = startEmbedded(dataDir, port);
                return;
            } catch (RuntimeException e) {
                // A dying backend may still hold the old shared memory for a moment.
                last = e;
                Ports.sleep(500);
            }
        }
        throw last;
    }

    /**
     * Makes {@code database} refuse new connections and ends the open ones, as an outage of that
     * database looks to its service; {@link #allowConnections} ends it.
     */
    public void refuseConnections(String database) {
        admin(
                database,
                "alter database " + database + " with allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                        + "' and pid <> pg_backend_pid()");
    }

    public void allowConnections(String database) {
        admin(database, "alter database " + database + " with allow_connections true");
    }

    private void admin(String database, String... statements) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change database " + database, e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
