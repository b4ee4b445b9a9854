package org.xianjie.referral.domain.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xianjie.referral.domain.RuleDataException;
import org.xianjie.referral.domain.RuleJson;
import org.xianjie.referral.domain.RuleResources;

/**
 * The statutory time limits of the referral process (法定期限表), loaded from data so that each
 * rule's amount and unit can be changed by configuration (e.g. a province counting a limit in
 * working days, as 行政处罚法 art. 85 does for its own short limits).
 *
 * <p>Data format ({@code rules/time-limits.json}): a JSON array of
 * {@code {"code", "amount", "unit", "source"}}; every code of {@link TimeLimitCodes} must be
 * present exactly once and no other, so a typo cannot leave a step without its deadline.
 */
public final class TimeLimitTable {

    public static final String DEFAULT_RESOURCE = "rules/time-limits.json";

    private static final Set<String> FIELDS = Set.of("code", "amount", "unit", "source");

    private final Map<String, TimeLimit> byCode;

    public TimeLimitTable(Collection<TimeLimit> limits) {
        Map<String, TimeLimit> map = new LinkedHashMap<>();
        for (TimeLimit limit : limits) {
            if (!TimeLimitCodes.ALL.contains(limit.code())) {
                throw new RuleDataException("time limits: unknown code " + limit.code());
            }
            if (map.put(limit.code(), limit) != null) {
                throw new RuleDataException("time limits: code " + limit.code() + " given twice");
            }
        }
        List<String> missing = new ArrayList<>(TimeLimitCodes.ALL);
        missing.removeAll(map.keySet());
        if (!missing.isEmpty()) {
            throw new RuleDataException("time limits: missing codes " + missing);
        }
        Map<String, TimeLimit> ordered = new LinkedHashMap<>();
        TimeLimitCodes.ALL.forEach(code -> ordered.put(code, map.get(code)));
        this.byCode = Collections.unmodifiableMap(ordered);
    }

    /** The table shipped in {@value #DEFAULT_RESOURCE}. */
    public static TimeLimitTable loadDefault() {
        return parse(RuleResources.open(DEFAULT_RESOURCE));
    }

    /** Parses and closes {@code json}. */
    public static TimeLimitTable parse(InputStream json) {
        JsonNode root = RuleJson.read(json, "time limits");
        if (!root.isArray()) {
            throw new RuleDataException("time limits: expected an array of limits");
        }
        List<TimeLimit> limits = new ArrayList<>();
        for (JsonNode node : root) {
            RuleJson.onlyFields(node, "time limit", FIELDS);
            String code = RuleJson.text(node, "code", "time limit");
            String where = "time limit " + code;
            LimitUnit unit = RuleJson.enumValue(LimitUnit.class, RuleJson.text(node, "unit", where), where);
            try {
                limits.add(new TimeLimit(
                        code, RuleJson.integer(node, "amount", where), unit, RuleJson.text(node, "source", where)));
            } catch (IllegalArgumentException e) {
                throw new RuleDataException(where + ": " + e.getMessage(), e);
            }
        }
        return new TimeLimitTable(limits);
    }

    /**
     * The limit with this code.
     *
     * @throws IllegalArgumentException if the code is not one of {@link TimeLimitCodes}
     */
    public TimeLimit get(String code) {
        TimeLimit limit = byCode.get(code);
        if (limit == null) {
            throw new IllegalArgumentException("no time limit with code " + code);
        }
        return limit;
    }

    public Optional<TimeLimit> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** All limits, in the order of the process. */
    public List<TimeLimit> all() {
        return List.copyOf(byCode.values());
    }
}
