package org.xianjie.cases.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xianjie.platform.pii.IdentityHasher;

/**
 * At start (after Flyway), rewrites parties still stored with an unkeyed SHA-256 of the identity
 * number into keyed hashes and the last-4 mask, so that no invertible hash stays in the database.
 * Idempotent; replicas starting together each rewrite the same values. Blocking JDBC on the
 * startup thread, before any request is served.
 */
@ApplicationScoped
public class LegacyIdentityRekey {

    private static final Logger LOG = Logger.getLogger(LegacyIdentityRekey.class);

    private final AgroalDataSource dataSource;
    private final PartyCodec parties;

    private final IdentityHasher hasher;

    public LegacyIdentityRekey(AgroalDataSource dataSource, PartyCodec parties, IdentityHasher hasher) {
        this.dataSource = dataSource;
        this.parties = parties;
        this.hasher = hasher;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        // Resolving the hasher here makes a missing or malformed key stop the start, not the first case.
        LOG.infof(
                "identity numbers are hashed under key %s (active: %s)", hasher.currentKeyId(), hasher.activeKeyIds());
        Map<UUID, String> legacy = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "select id, parties from admin_case where parties like '%\"identityHash\"%'")) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String json = rs.getString(2);
                    if (parties.isLegacy(json)) {
                        legacy.put(rs.getObject(1, UUID.class), json);
                    }
                }
            }
            if (legacy.isEmpty()) {
                return;
            }
            try (PreparedStatement update = c.prepareStatement("update admin_case set parties = ? where id = ?")) {
                for (Map.Entry<UUID, String> e : legacy.entrySet()) {
                    update.setString(1, parties.rewrite(e.getValue()));
                    update.setObject(2, e.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
            LOG.infof("re-keyed the identity hashes of %d case(s) stored before keyed hashing", legacy.size());
        }
    }
}
