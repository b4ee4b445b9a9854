package org.xianjie.referral.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.xianjie.referral.domain.sharing.MajorCaseRule;

/**
 * The major-case rule from configuration: {@code xianjie.sharing.major.default} and
 * {@code xianjie.sharing.major.<CATEGORY>} (amounts in yuan), so a province can set its own.
 */
@ApplicationScoped
public class SharingProducers {

    static final String PREFIX = "xianjie.sharing.major.";

    @Produces
    @Singleton
    MajorCaseRule majorCaseRule(Config config) {
        Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && !name.equals(PREFIX + "default")) {
                byCategory.put(name.substring(PREFIX.length()), config.getValue(name, BigDecimal.class));
            }
        }
        return new MajorCaseRule(byCategory, config.getValue(PREFIX + "default", BigDecimal.class));
    }
}
