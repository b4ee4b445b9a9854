package org.xianjie.referral.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xianjie.referral.domain.criminal.SuspectDecisionInput;

/**
 * One step of the referral process. {@code reason} is required where the law wants reasons on
 * record (refusal, decline, reconsideration, ...); {@code targetAgency} names the competent police
 * for {@code FORWARD}, the court for {@code PROSECUTE} (default: the court at the same level) or
 * the addressee of a consultation; {@code expectedVersion} (or {@code If-Match}) refuses the step
 * if someone else moved the referral first; {@code occurredAt} (ISO-8601 with offset) is when the
 * act happened, if earlier than the request: every limit the step opens counts from it.
 * {@code suspects} names the suspects a step of the criminal process decides for (REQUEST_ARREST,
 * APPROVE_ARREST, DENY_ARREST, PROSECUTE, DECIDE_NOT_TO_PROSECUTE, ACCEPT_CASE, RENDER_JUDGMENT);
 * a step naming none decides for the referral only, as before suspects were recorded.
 */
@Schema(example = """
        {"reason": null, "attachments": [
          {"kind": "REFERRAL_LETTER", "title": "涉嫌犯罪案件移送书", "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
          {"kind": "INVESTIGATION_REPORT", "title": "调查报告", "sha256": "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"},
          {"kind": "SEIZED_ITEMS_LIST", "title": "涉案物品清单", "sha256": "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13"},
          {"kind": "EXPERT_OPINION", "title": "鉴定意见", "sha256": "a4e624d686e03ed2767c0abd85c14426b0b1157d2ce81d27bb4fe4f6f01d688a"}],
         "expectedVersion": 1}""")
public record StepRequest(
        @Size(max = 4000) String reason,
        @Size(max = 4000) String note,
        @Size(max = 50) List<@Valid @NotNull AttachmentInput> attachments,
        @Size(max = 32) String targetAgency,
        @PositiveOrZero Long expectedVersion,
        OffsetDateTime occurredAt,
        @Size(max = 200) List<@Valid @NotNull SuspectDecisionRequest> suspects) {

    public static final StepRequest EMPTY = new StepRequest(null, null, List.of(), null, null, null, null);

    /** The suspects the step decides for, in domain terms. */
    public List<SuspectDecisionInput> namedSuspects() {
        return suspects == null
                ? List.of()
                : suspects.stream().map(SuspectDecisionRequest::toInput).toList();
    }

    public List<AttachmentInput> attachmentList() {
        return attachments == null ? List.of() : attachments;
    }
}
