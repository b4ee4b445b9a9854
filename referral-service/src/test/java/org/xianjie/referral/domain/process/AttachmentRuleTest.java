package org.xianjie.referral.domain.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xianjie.referral.domain.process.AttachmentKind.EXPERT_OPINION;
import static org.xianjie.referral.domain.process.AttachmentKind.EXTENSION_APPROVAL;
import static org.xianjie.referral.domain.process.AttachmentKind.INSPECTION_REPORT;
import static org.xianjie.referral.domain.process.AttachmentKind.INVESTIGATION_REPORT;
import static org.xianjie.referral.domain.process.AttachmentKind.OTHER;
import static org.xianjie.referral.domain.process.AttachmentKind.REFERRAL_LETTER;
import static org.xianjie.referral.domain.process.AttachmentKind.SEIZED_ITEMS_LIST;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Decree 310 art. 6: what a referral must carry. */
class AttachmentRuleTest {

    @Test
    void referralWithTheFourArticleSixDocumentsLacksNothing() {
        assertEquals(
                List.of(),
                AttachmentRule.missing(
                        Set.of(REFERRAL_LETTER, INVESTIGATION_REPORT, SEIZED_ITEMS_LIST, INSPECTION_REPORT)));
    }

    @Test
    void expertOpinionServesInsteadOfAnInspectionReport() {
        assertEquals(
                List.of(),
                AttachmentRule.missing(
                        Set.of(REFERRAL_LETTER, INVESTIGATION_REPORT, SEIZED_ITEMS_LIST, EXPERT_OPINION)));
    }

    @Test
    void referralWithoutDocumentsLacksFourRequirementsNotFive() {
        List<AttachmentRequirement> missing = AttachmentRule.missing(Set.of());

        assertEquals(4, missing.size());
        assertEquals(Set.of(INSPECTION_REPORT, EXPERT_OPINION), missing.get(3).anyOf());
        assertTrue(missing.get(3).label().contains("检验报告或鉴定意见"));
    }

    @Test
    void otherMaterialsAreOptionalAndDoNotReplaceARequiredDocument() {
        List<AttachmentRequirement> missing =
                AttachmentRule.missing(Set.of(REFERRAL_LETTER, INVESTIGATION_REPORT, INSPECTION_REPORT, OTHER));

        assertEquals(1, missing.size());
        assertEquals(Set.of(SEIZED_ITEMS_LIST), missing.get(0).anyOf());
    }

    @Test
    void thirtyDayFilingReviewNeedsTheApprovalDocument() {
        assertEquals(
                1,
                AttachmentRule.missing(ReferralStep.EXTEND_FILING_REVIEW_MAJOR, Set.of())
                        .size());
        assertEquals(
                List.of(), AttachmentRule.missing(ReferralStep.EXTEND_FILING_REVIEW_MAJOR, Set.of(EXTENSION_APPROVAL)));
    }

    @Test
    void stepsWithoutADocumentRuleNeedNothing() {
        assertEquals(List.of(), AttachmentRule.missing(ReferralStep.FILE, Set.of()));
        assertEquals(List.of(), AttachmentRule.requiredFor(ReferralStep.APPROVE));
    }
}
