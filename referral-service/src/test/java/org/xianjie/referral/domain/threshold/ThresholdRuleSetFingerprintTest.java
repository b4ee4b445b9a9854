package org.xianjie.referral.domain.threshold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A rule set's fingerprint changes exactly when the set would screen differently. */
class ThresholdRuleSetFingerprintTest {

    private static final String RULES = """
            {"categories": {"TRADEMARK": ["213"]%s},
             "ruleSets": [{"id": "a", "source": "s", "effectiveFrom": null, "offences": [
               {"article": "213", "name": "假冒注册商标罪", "conditions": [
                 {"id": "213-volume", "figure": "ILLEGAL_BUSINESS_VOLUME", "atLeast": %s, "text": "t"}]}]}]}""";

    private static String fingerprint(String extraCategory, String atLeast) {
        ThresholdRules rules = ThresholdRules.parse(
                new ByteArrayInputStream(RULES.formatted(extraCategory, atLeast).getBytes(StandardCharsets.UTF_8)));
        return rules.fingerprint(rules.ruleSets().get(0));
    }

    @Test
    void sameRulesGiveTheSameFingerprintWhateverTheNumberFormat() {
        assertThat(fingerprint("", "50000"))
                .isEqualTo(fingerprint("", "50000.00"))
                .hasSize(64);
    }

    @Test
    void changedThresholdChangesTheFingerprint() {
        assertThat(fingerprint("", "50000")).isNotEqualTo(fingerprint("", "40000"));
    }

    @Test
    void anotherCategoryScreenedAgainstTheOffenceChangesTheFingerprint() {
        assertThat(fingerprint("", "50000")).isNotEqualTo(fingerprint(", \"OTHER\": [\"213\"]", "50000"));
    }

    @Test
    void shippedSetsHaveDistinctFingerprints() {
        ThresholdRules shipped = ThresholdRules.loadDefault();
        assertThat(shipped.ruleSets().stream().map(shipped::fingerprint).distinct())
                .hasSize(shipped.ruleSets().size());
    }
}
