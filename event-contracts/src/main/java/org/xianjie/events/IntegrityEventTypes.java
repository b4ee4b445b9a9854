package org.xianjie.events;

/** CloudEvents types of the tamper-evident record, on {@link Topics#INTEGRITY_CHECKPOINTS}. */
public final class IntegrityEventTypes {
    /** A service sealed the heads of its case chains into a checkpoint signed with its Ed25519 key. */
    public static final String CHECKPOINT_SEALED = "org.xianjie.integrity.checkpoint-sealed.v1";

    /** Every integrity type, for the registry ({@link EventTypes}). */
    public static final java.util.List<String> ALL = java.util.List.of(CHECKPOINT_SEALED);

    private IntegrityEventTypes() {}
}
