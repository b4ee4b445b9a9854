package org.xianjie.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresTest {

    @Test
    void throwAwayServerCommitsSynchronously() throws Exception {
        try (Postgres pg = Postgres.embedded(null, 0)) {
            assertEquals("on", setting(pg, "synchronous_commit"));
        }
    }

    @Test
    void persistentServerCommitsSynchronouslyAndFlushes(@TempDir Path dir) throws Exception {
        try (Postgres pg = Postgres.embedded(dir.resolve("pg"), 0)) {
            assertEquals("on", setting(pg, "synchronous_commit"));
            assertEquals("on", setting(pg, "fsync"));
        }
    }

    private static String setting(Postgres pg, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
