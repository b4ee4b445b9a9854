package org.xianjie.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresRestartTest {

    @Test
    void killedPostmasterStartsAgainOnItsDataWithEveryCommittedRow(@TempDir Path dir) throws Exception {
        try (Postgres pg = Postgres.embedded(dir.resolve("pg"), Ports.free())) {
            pg.ensureDatabase("restart_check");
            try (Connection c = connect(pg);
                    Statement s = c.createStatement()) {
                s.execute("create table acknowledged (id int primary key)");
                s.execute("insert into acknowledged select generate_series(1, 100)");
            }
            long before = pg.postmaster().orElseThrow().pid();

            pg.kill();
            assertFalse(pg.isRunning());
            pg.start();

            assertTrue(pg.isRunning());
            assertTrue(pg.postmaster().orElseThrow().pid() != before, "a new postmaster");
            try (Connection c = connect(pg);
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("select count(*) from acknowledged")) {
                rows.next();
                assertEquals(100, rows.getInt(1));
            }
        }
    }

    private static Connection connect(Postgres pg) throws Exception {
        return DriverManager.getConnection(pg.jdbcUrl("restart_check"), pg.user(), pg.password());
    }
}
