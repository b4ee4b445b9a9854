package org.xianjie.referral.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xianjie.platform.pii.IdentityHasher;

/**
 * At start (after Flyway), replaces parties of known cases still stored as an unkeyed SHA-256 of
 * the identity number by their keyed hashes under every active key, in one transaction, so that
 * earlier penalties keep counting for repeat offenders and no invertible hash remains. The keys are
 * needed only when such rows exist.
 */
@ApplicationScoped
public class LegacyIdentityRekey {

    private static final Logger LOG = Logger.getLogger(LegacyIdentityRekey.class);

    private final AgroalDataSource dataSource;
    private final Instance<IdentityHasher> hasher;

    public LegacyIdentityRekey(AgroalDataSource dataSource, Instance<IdentityHasher> hasher) {
        this.dataSource = dataSource;
        this.hasher = hasher;
    }

    record Row(UUID caseId, String hash) {}

    void onStart(@Observes StartupEvent event) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Row> legacy = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                            "select case_id, identity_hash from known_case_party where position(':' in identity_hash) = 0");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    legacy.add(new Row(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
            if (legacy.isEmpty()) {
                return;
            }
            IdentityHasher keys = hasher.get();
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                            "insert into known_case_party (case_id, identity_hash) values (?, ?) on conflict do nothing");
                    PreparedStatement delete = c.prepareStatement(
                            "delete from known_case_party where case_id = ? and identity_hash = ?")) {
                for (Row row : legacy) {
                    for (String keyed : keys.rekey(row.hash())) {
                        insert.setObject(1, row.caseId());
                        insert.setString(2, keyed);
                        insert.addBatch();
                    }
                    delete.setObject(1, row.caseId());
                    delete.setString(2, row.hash());
                    delete.addBatch();
                }
                insert.executeBatch();
                delete.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            LOG.infof("re-keyed %d stored identity hash(es) of known cases", legacy.size());
        }
    }
}
