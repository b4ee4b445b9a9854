package org.xianjie.referral.service.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.sharing.SharingLimits;
import org.xianjie.referral.domain.time.LimitUnit;
import org.xianjie.referral.domain.time.TimeLimit;

/**
 * The reply limits of shared items from configuration: {@code xianjie.sharing.limits.<CODE>=<amount> <UNIT>}
 * (e.g. {@code 7 CALENDAR_DAYS}). These limits come from local work rules rather than a statute, so
 * they are settings; a malformed one stops the service at start rather than guessing.
 */
@ApplicationScoped
public class SharingLimitTable {

    private static final String PREFIX = "xianjie.sharing.limits.";
    private final Map<String, TimeLimit> limits = new LinkedHashMap<>();

    public SharingLimitTable(Config config) {
        for (String code : SharingLimits.CONFIGURED) {
            String value = config.getValue(PREFIX + code, String.class).strip();
            String[] parts = value.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException(PREFIX + code + " must be '<amount> <unit>', was '" + value + "'");
            }
            limits.put(
                    code,
                    new TimeLimit(
                            code,
                            Integer.parseInt(parts[0]),
                            LimitUnit.valueOf(parts[1]),
                            "xianjie.sharing.limits (local work rules 工作机制)"));
        }
    }

    public TimeLimit get(String code) {
        TimeLimit limit = limits.get(code);
        if (limit == null) {
            throw ProblemException.badRequest("code", "no sharing limit " + code);
        }
        return limit;
    }
}
