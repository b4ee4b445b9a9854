package org.xianjie.referral.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The procuratorate's reasons for dismissing a lead or turning it into filing supervision. */
@Schema(example = """
        {"reason": "经审查，当事人已被另案移送公安机关，不再重复监督"}""")
public record LeadDecisionRequest(@Size(max = 4000) String reason) {}
