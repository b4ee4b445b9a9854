package org.xianjie.platform.identity;

import java.util.Set;

/**
 * The authenticated caller of a request: the user, the agency the token names (resolved through
 * the {@link AgencyDirectory}) and the caller's roles (e.g. {@code officer}, {@code head} for the
 * agency head 正职负责人).
 */
public record Caller(String user, Agency agency, Set<String> roles) {

    public static final String ROLE_HEAD = "head";
    public static final String ROLE_OFFICER = "officer";
    /** An agency's administrator: manages its own agency's things (webhooks), nothing suite-wide. */
    public static final String ROLE_ADMIN = "admin";
    /**
     * The suite's operator (JWT group {@code platform-operator}): suite-wide settings that move every
     * agency's work (holiday calendar, threshold rule sets, the directory). No agency admin holds it.
     */
    public static final String ROLE_PLATFORM_OPERATOR = "platform-operator";

    public String agencyCode() {
        return agency.code();
    }

    public AgencyType type() {
        return agency.type();
    }

    public String region() {
        return agency.region();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isPlatformOperator() {
        return roles.contains(ROLE_PLATFORM_OPERATOR);
    }

    public boolean is(AgencyType type) {
        return agency.type() == type;
    }
}
