package org.xianjie.referral.domain.threshold;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the thresholds, in force from {@code effectiveFrom} until the next set.
 * A set lists only the offences whose figures it gives; the others keep the earlier set's values.
 *
 * @param id            e.g. "2025"
 * @param source        the interpretation(s) the figures come from, e.g. "法释〔2025〕5号"
 * @param effectiveFrom first day in force (施行日期); null for the earliest set, whose start date
 *                      the suite does not need (it covers everything before the next set)
 * @param offences      by Criminal Law article
 */
public record ThresholdRuleSet(String id, String source, LocalDate effectiveFrom, Map<String, OffenceRule> offences) {

    public ThresholdRuleSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        offences = Collections.unmodifiableMap(new LinkedHashMap<>(offences));
    }

    public boolean inForceOn(LocalDate day) {
        return effectiveFrom == null || !day.isBefore(effectiveFrom);
    }

    public Optional<OffenceRule> offence(String article) {
        return Optional.ofNullable(offences.get(article));
    }
}
