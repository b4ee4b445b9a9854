package org.xianjie.referral.api.sharing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 立案: the case the receiver opened from a clue (in case-service, or its own criminal case). */
@Schema(example = """
        {"caseId": "0b7e6c1a-3f2d-4e5b-8a9c-1d2e3f4a5b6c", "caseNumber": "青公经立字〔2026〕18号", "occurredAt": null}""")
public record OpenCaseFromClueRequest(
        @NotNull UUID caseId, @Size(max = 64) String caseNumber, OffsetDateTime occurredAt) {}
