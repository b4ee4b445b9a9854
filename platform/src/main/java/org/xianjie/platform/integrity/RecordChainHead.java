package org.xianjie.platform.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last entry of a chain; locked by whoever appends, so that a chain grows one entry at a time. */
@Entity
@Table(name = "record_chain_head")
public class RecordChainHead {

    @Id
    @Column(name = "chain_key")
    public String chainKey;

    @Column(name = "seq", nullable = false)
    public long sequence;

    @Column(nullable = false)
    public String hash;

    @Column(name = "sealed_seq", nullable = false)
    public long sealedSequence;
}
