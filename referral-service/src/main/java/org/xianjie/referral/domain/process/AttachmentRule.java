package org.xianjie.referral.domain.process;

import java.util.List;
import java.util.Set;

/**
 * Which documents a step needs. Checked by the service before it applies the step (a missing
 * document is the user's to fix: 422, not 409).
 */
public final class AttachmentRule {

    /**
     * Decree 310 art. 6: a referral carries the referral letter, the investigation report, the list
     * of seized items and the inspection report or expert opinion; other materials are optional.
     */
    public static final List<AttachmentRequirement> SENDING = List.of(
            AttachmentRequirement.of("涉嫌犯罪案件移送书 (referral letter)", AttachmentKind.REFERRAL_LETTER),
            AttachmentRequirement.of("涉嫌犯罪案件情况的调查报告 (investigation report)", AttachmentKind.INVESTIGATION_REPORT),
            AttachmentRequirement.of("涉案物品清单 (list of seized items)", AttachmentKind.SEIZED_ITEMS_LIST),
            AttachmentRequirement.of(
                    "检验报告或鉴定意见 (inspection report or expert opinion)",
                    AttachmentKind.INSPECTION_REPORT,
                    AttachmentKind.EXPERT_OPINION));

    /** The police head's approval of a 30-day filing review for a major or complex case. */
    public static final List<AttachmentRequirement> MAJOR_EXTENSION = List.of(
            AttachmentRequirement.of("延长立案审查期限的批准文书 (approval of the extension)", AttachmentKind.EXTENSION_APPROVAL));

    private AttachmentRule() {}

    /** What a referral being sent still lacks (Decree 310 art. 6); empty when complete. */
    public static List<AttachmentRequirement> missing(Set<AttachmentKind> provided) {
        return missing(ReferralStep.SEND, provided);
    }

    /** What {@code step} still lacks; empty when complete or when the step needs no documents. */
    public static List<AttachmentRequirement> missing(ReferralStep step, Set<AttachmentKind> provided) {
        return requiredFor(step).stream()
                .filter(requirement -> !requirement.isMetBy(provided))
                .toList();
    }

    public static List<AttachmentRequirement> requiredFor(ReferralStep step) {
        return switch (step) {
            case SEND -> SENDING;
            case EXTEND_FILING_REVIEW_MAJOR -> MAJOR_EXTENSION;
            default -> List.of();
        };
    }
}
