/**
 * Criminal filing thresholds (立案追诉标准) used to raise supervision leads (监督线索) against
 * punishing instead of referring (以罚代刑). Thresholds are data, versioned by effective date,
 * because the judicial interpretations change them (2004, 2020, 2025). They advise; they never
 * block a referral (Decree 310 art. 3).
 */
package org.xianjie.referral.domain.threshold;
