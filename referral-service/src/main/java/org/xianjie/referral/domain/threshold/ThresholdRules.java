package org.xianjie.referral.domain.threshold;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.xianjie.events.CaseCategory;
import org.xianjie.referral.domain.RuleDataException;
import org.xianjie.referral.domain.RuleJson;
import org.xianjie.referral.domain.RuleResources;

/**
 * All threshold rule sets plus which offences each case category is screened against.
 *
 * <p>Data format ({@code rules/thresholds.json}):
 * <pre>{@code
 * {
 *   "categories": { "TRADEMARK": ["213", "214"], ... },
 *   "ruleSets": [
 *     { "id": "pre-2025", "source": "...", "effectiveFrom": null,
 *       "offences": [ { "article": "213", "name": "假冒注册商标罪", "conditions": [
 *           { "id": "213-volume", "figure": "ILLEGAL_BUSINESS_VOLUME", "atLeast": 50000,
 *             "text": "...", "minMarks": 2, "repeatOffenceOnly": true, "marks": "GOODS", "attempt": true }
 *       ] } ] }
 *   ]
 * }
 * }</pre>
 * The guards ({@code minMarks}, {@code repeatOffenceOnly}, {@code marks}, {@code attempt}) are
 * optional.
 */
public final class ThresholdRules {

    public static final String DEFAULT_RESOURCE = "rules/thresholds.json";

    private static final Set<String> ROOT_FIELDS = Set.of("categories", "ruleSets");
    private static final Set<String> SET_FIELDS = Set.of("id", "source", "effectiveFrom", "offences");
    private static final Set<String> OFFENCE_FIELDS = Set.of("article", "name", "conditions");
    private static final Set<String> CONDITION_FIELDS =
            Set.of("id", "figure", "atLeast", "minMarks", "repeatOffenceOnly", "marks", "attempt", "text");

    private final Map<CaseCategory, List<String>> offencesByCategory;
    private final List<ThresholdRuleSet> ruleSets;

    /**
     * @param offencesByCategory Criminal Law articles each category is screened against
     * @param ruleSets           at most one without an effective date (the earliest), no two on
     *                           the same date
     */
    public ThresholdRules(Map<CaseCategory, List<String>> offencesByCategory, List<ThresholdRuleSet> ruleSets) {
        List<ThresholdRuleSet> sorted = new ArrayList<>(ruleSets);
        sorted.sort(Comparator.comparing(
                ThresholdRuleSet::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
        Set<String> ids = new HashSet<>();
        Set<String> defined = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            ThresholdRuleSet set = sorted.get(i);
            if (!ids.add(set.id())) {
                throw new RuleDataException("thresholds: rule set id " + set.id() + " given twice");
            }
            if (i > 0 && Objects.equals(set.effectiveFrom(), sorted.get(i - 1).effectiveFrom())) {
                throw new RuleDataException("thresholds: rule sets "
                        + sorted.get(i - 1).id() + " and " + set.id() + " take effect on the same date");
            }
            defined.addAll(set.offences().keySet());
        }
        Map<CaseCategory, List<String>> mapping = new EnumMap<>(CaseCategory.class);
        Set<String> mapped = new HashSet<>();
        offencesByCategory.forEach((category, articles) -> {
            for (String article : articles) {
                if (!defined.contains(article)) {
                    throw new RuleDataException("thresholds: category " + category + " names offence " + article
                            + " that no rule set defines");
                }
            }
            mapped.addAll(articles);
            mapping.put(category, List.copyOf(articles));
        });
        defined.removeAll(mapped);
        if (!defined.isEmpty()) {
            throw new RuleDataException("thresholds: offences " + defined + " are not screened for any category");
        }
        this.offencesByCategory = Collections.unmodifiableMap(mapping);
        this.ruleSets = List.copyOf(sorted);
    }

    /** The rules shipped in {@value #DEFAULT_RESOURCE}. */
    public static ThresholdRules loadDefault() {
        return parse(RuleResources.open(DEFAULT_RESOURCE));
    }

    /** Parses and closes {@code json}. */
    public static ThresholdRules parse(InputStream json) {
        JsonNode root = RuleJson.read(json, "thresholds");
        RuleJson.onlyFields(root, "thresholds", ROOT_FIELDS);
        JsonNode categories = RuleJson.required(root, "categories", "thresholds");
        if (!categories.isObject()) {
            throw new RuleDataException("thresholds: 'categories' must map category names to article lists");
        }
        Map<CaseCategory, List<String>> mapping = new EnumMap<>(CaseCategory.class);
        for (Map.Entry<String, JsonNode> entry : categories.properties()) {
            CaseCategory category = RuleJson.enumValue(CaseCategory.class, entry.getKey(), "thresholds categories");
            List<String> articles = new ArrayList<>();
            if (!entry.getValue().isArray()) {
                throw new RuleDataException("thresholds categories: " + category + " must list articles");
            }
            entry.getValue().forEach(article -> articles.add(article.asText()));
            mapping.put(category, articles);
        }
        List<ThresholdRuleSet> sets = new ArrayList<>();
        for (JsonNode node : RuleJson.array(root, "ruleSets", "thresholds")) {
            sets.add(ruleSet(node));
        }
        return new ThresholdRules(mapping, sets);
    }

    /** The Criminal Law articles a category is screened against; empty if none. */
    public List<String> offencesFor(CaseCategory category) {
        return offencesByCategory.getOrDefault(category, List.of());
    }

    /** All rule sets, earliest first. */
    public List<ThresholdRuleSet> ruleSets() {
        return ruleSets;
    }

    /** The rule set in force on {@code day}: the latest one that has taken effect. */
    public Optional<ThresholdRuleSet> inForceOn(LocalDate day) {
        ThresholdRuleSet found = null;
        for (ThresholdRuleSet set : ruleSets) {
            if (set.inForceOn(day)) {
                found = set;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The values that apply to {@code article} on {@code day}: those of the latest set in force that
     * lists the offence, since a new interpretation leaves unlisted offences as they were.
     */
    public Optional<Applicable> applicable(String article, LocalDate day) {
        for (int i = ruleSets.size() - 1; i >= 0; i--) {
            ThresholdRuleSet set = ruleSets.get(i);
            if (set.inForceOn(day) && set.offences().containsKey(article)) {
                return Optional.of(new Applicable(set.id(), set.offences().get(article)));
            }
        }
        return Optional.empty();
    }

    /**
     * A fingerprint of {@code set} as it screens: its dates, offences, conditions and the categories
     * screened against each of its offences. Equal fingerprints screen alike, so a changed one means
     * decisions inside the set's period must be screened again.
     */
    public String fingerprint(ThresholdRuleSet set) {
        StringBuilder canonical = new StringBuilder()
                .append(set.id())
                .append('|')
                .append(set.effectiveFrom())
                .append('|')
                .append(set.source());
        for (OffenceRule offence : set.offences().values()) {
            canonical
                    .append("\n")
                    .append(offence.article())
                    .append('|')
                    .append(offence.name())
                    .append('|');
            offencesByCategory.forEach((category, articles) -> {
                if (articles.contains(offence.article())) {
                    canonical.append(category).append(',');
                }
            });
            for (ThresholdCondition c : offence.conditions()) {
                canonical
                        .append("\n  ")
                        .append(c.id())
                        .append('|')
                        .append(c.figure())
                        .append('|')
                        .append(c.atLeast().stripTrailingZeros().toPlainString())
                        .append('|')
                        .append(c.minMarks())
                        .append('|')
                        .append(c.repeatOffenceOnly())
                        .append('|')
                        .append(c.markKind())
                        .append('|')
                        .append(c.attempt())
                        .append('|')
                        .append(c.text());
            }
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** An offence's rule together with the id of the rule set it comes from. */
    public record Applicable(String ruleSetId, OffenceRule rule) {}

    private static ThresholdRuleSet ruleSet(JsonNode node) {
        RuleJson.onlyFields(node, "rule set", SET_FIELDS);
        String id = RuleJson.text(node, "id", "rule set");
        String where = "rule set " + id;
        JsonNode from = node.get("effectiveFrom");
        LocalDate effectiveFrom = from == null || from.isNull() ? null : RuleJson.date(from, where + " effectiveFrom");
        Map<String, OffenceRule> offences = new LinkedHashMap<>();
        Set<String> conditionIds = new HashSet<>();
        for (JsonNode offenceNode : RuleJson.array(node, "offences", where)) {
            OffenceRule offence = offence(offenceNode, where);
            if (offences.put(offence.article(), offence) != null) {
                throw new RuleDataException(where + ": offence " + offence.article() + " given twice");
            }
            for (ThresholdCondition condition : offence.conditions()) {
                if (!conditionIds.add(condition.id())) {
                    throw new RuleDataException(where + ": condition id " + condition.id() + " given twice");
                }
            }
        }
        return new ThresholdRuleSet(id, RuleJson.text(node, "source", where), effectiveFrom, offences);
    }

    private static OffenceRule offence(JsonNode node, String setWhere) {
        RuleJson.onlyFields(node, setWhere + " offence", OFFENCE_FIELDS);
        String article = RuleJson.text(node, "article", setWhere + " offence");
        String where = setWhere + " offence " + article;
        List<ThresholdCondition> conditions = new ArrayList<>();
        for (JsonNode condition : RuleJson.array(node, "conditions", where)) {
            conditions.add(condition(condition, where));
        }
        try {
            return new OffenceRule(article, RuleJson.text(node, "name", where), conditions);
        } catch (IllegalArgumentException e) {
            throw new RuleDataException(where + ": " + e.getMessage(), e);
        }
    }

    private static ThresholdCondition condition(JsonNode node, String offenceWhere) {
        RuleJson.onlyFields(node, offenceWhere + " condition", CONDITION_FIELDS);
        String id = RuleJson.text(node, "id", offenceWhere + " condition");
        String where = offenceWhere + " condition " + id;
        String marks = RuleJson.optionalText(node, "marks", where);
        try {
            return new ThresholdCondition(
                    id,
                    RuleJson.enumValue(Figure.class, RuleJson.text(node, "figure", where), where),
                    RuleJson.decimal(node, "atLeast", where),
                    RuleJson.optionalInteger(node, "minMarks", where),
                    RuleJson.flag(node, "repeatOffenceOnly", where),
                    marks == null ? null : RuleJson.enumValue(MarkKind.class, marks, where),
                    RuleJson.flag(node, "attempt", where),
                    RuleJson.text(node, "text", where));
        } catch (IllegalArgumentException e) {
            throw new RuleDataException(where + ": " + e.getMessage(), e);
        }
    }
}
