package org.xianjie.platform.inbox;

import org.jboss.logging.MDC;

/**
 * Puts the case id into the logging context ({@code caseId} in structured logs), so that an
 * operator can follow one case through every service's logs.
 */
public final class CaseLogContext {

    public static final String KEY = "caseId";

    private CaseLogContext() {}

    public static void set(String caseId) {
        if (caseId != null && !caseId.isBlank()) {
            MDC.put(KEY, caseId);
        }
    }
}
