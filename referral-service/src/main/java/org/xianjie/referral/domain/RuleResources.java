package org.xianjie.referral.domain;

import java.io.InputStream;

/** Opens the rule data files shipped under {@code rules/} on the class path. */
public final class RuleResources {

    private RuleResources() {}

    /**
     * Opens a class-path resource, preferring the context class loader because Quarkus (dev mode,
     * tests) loads application resources through it.
     *
     * @throws RuleDataException if the resource is not there
     */
    public static InputStream open(String path) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(path);
        if (in == null) {
            in = RuleResources.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new RuleDataException("rule data not found on the class path: " + path);
        }
        return in;
    }
}
