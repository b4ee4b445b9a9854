package org.xianjie.platform.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One entry of a record chain: an event (or an evidence digest) of a case, with its link hashes. */
@Entity
@Table(name = "record_chain_entry")
public class RecordChainEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "chain_key", nullable = false)
    public String chainKey;

    @Column(name = "seq", nullable = false)
    public long sequence;

    @Column(name = "entry_kind", nullable = false)
    public String kind;

    @Column(name = "entry_id", nullable = false)
    public String entryId;

    /** The canonical JSON (RFC 8785) that was hashed. */
    @Column(nullable = false)
    public String entry;

    @Column(name = "previous_hash", nullable = false)
    public String previousHash;

    @Column(nullable = false)
    public String hash;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
