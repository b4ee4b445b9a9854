package org.xianjie.platform.integrity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The result of verifying a chain: intact or the first broken link, with the head and the latest
 * signed checkpoint that sealed the chain.
 */
public record ChainReport(
        String chain,
        boolean intact,
        long length,
        String headHash,
        ChainLinks.BrokenLink firstBreak,
        Sealed checkpoint) {

    /** The head a checkpoint sealed, and whether the stored chain still gives it. */
    public record Sealed(UUID checkpointId, OffsetDateTime sealedAt, long sequence, String hash, boolean matches) {}
}
