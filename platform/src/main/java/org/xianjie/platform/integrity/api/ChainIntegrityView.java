package org.xianjie.platform.integrity.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.platform.integrity.ChainLinks;
import org.xianjie.platform.integrity.ChainReport;

/** The answer of an integrity check (完整性校验) of a case's or referral's record. */
@Schema(name = "ChainIntegrity", description = "Verification of the tamper-evident record of a case")
public record ChainIntegrityView(
        @Schema(description = "The chain verified: the case id")
        String chain,

        @Schema(description = "OK or BROKEN") String status,
        @Schema(description = "Number of entries") long length,

        @Schema(description = "SHA-256 (hex) of the last entry")
        String headHash,

        @Schema(description = "The first entry that does not verify; absent when OK")
        Break firstBreak,

        @Schema(description = "The latest signed checkpoint that sealed this chain, if any")
        Checkpoint checkpoint) {

    public record Break(
            @Schema(description = "Sequence number of the entry (from 1)")
            long sequence,

            @Schema(description = "The entry's event id (or evidence id)")
            String eventId,

            @Schema(description = "The hash the entries give")
            String expectedHash,

            @Schema(description = "The hash stored") String storedHash,
            String reason) {}

    public record Checkpoint(
            UUID id,
            OffsetDateTime sealedAt,
            long sequence,
            String hash,

            @Schema(description = "Whether the stored chain still gives the sealed head")
            boolean matches) {}

    public static ChainIntegrityView of(ChainReport r) {
        ChainLinks.BrokenLink b = r.firstBreak();
        ChainReport.Sealed s = r.checkpoint();
        return new ChainIntegrityView(
                r.chain(),
                r.intact() ? "OK" : "BROKEN",
                r.length(),
                r.headHash(),
                b == null ? null : new Break(b.sequence(), b.entryId(), b.expectedHash(), b.storedHash(), b.reason()),
                s == null ? null : new Checkpoint(s.checkpointId(), s.sealedAt(), s.sequence(), s.hash(), s.matches()));
    }
}
