package org.xianjie.platform.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A chain head a checkpoint sealed, kept so that verification can compare the chain with it. */
@Entity
@Table(name = "integrity_checkpoint_head")
public class CheckpointHeadRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "checkpoint_id", nullable = false)
    public UUID checkpointId;

    @Column(name = "chain_key", nullable = false)
    public String chainKey;

    @Column(name = "seq", nullable = false)
    public long sequence;

    @Column(nullable = false)
    public String hash;
}
