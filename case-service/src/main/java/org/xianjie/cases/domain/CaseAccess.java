package org.xianjie.cases.domain;

import java.util.Collection;

/**
 * Who may see and change a case. The agency that opened it reads and writes it; the procuratorate
 * of the case's region reads it (it reviews penalty decisions for missed referrals, 行政处罚决定
 * 监督); the police, procuratorate and court a referral names read it from then on. Everyone else
 * must not learn that it exists.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static boolean canWrite(String callerAgency, String caseAgency) {
        return callerAgency.equals(caseAgency);
    }

    public static boolean canRead(String callerAgency, boolean callerIsProcuratorate, String callerRegion,
                                  String caseAgency, String caseRegion, Collection<String> readers) {
        return callerAgency.equals(caseAgency)
                || callerIsProcuratorate && callerRegion.equals(caseRegion)
                || readers.contains(callerAgency);
    }
}
