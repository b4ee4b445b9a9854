package org.xianjie.cases.domain;

import java.util.Collection;
import java.util.Optional;
import org.xianjie.platform.identity.Regions;

/**
 * Who may see and change a case. The agency that opened it reads and writes it; a procuratorate
 * reads every case of its region and of the regions beneath it (it reviews penalty decisions for
 * missed referrals, 行政处罚决定监督, and leads the procuratorates below it, 检察一体化: the
 * Tianjin procuratorate reads Binhai's cases, Binhai never the city's or Heping's); the police,
 * procuratorate and court a referral names read it from then on. Everyone else must not learn
 * that it exists.
 */
public final class CaseAccess {

    private CaseAccess() {}

    public static boolean canWrite(String callerAgency, String caseAgency) {
        return callerAgency.equals(caseAgency);
    }

    public static boolean canRead(
            String callerAgency,
            boolean callerIsProcuratorate,
            String callerRegion,
            String caseAgency,
            String caseRegion,
            Collection<String> readers) {
        return callerAgency.equals(caseAgency)
                || callerIsProcuratorate && Regions.isWithin(callerRegion, caseRegion)
                || readers.contains(callerAgency);
    }

    /**
     * The same supervision rule as {@link #canRead} for list queries: the prefix every supervised
     * region starts with ({@code region like 'prefix%'}), or empty for anyone but a procuratorate.
     */
    public static Optional<String> supervisedRegionPrefix(boolean callerIsProcuratorate, String callerRegion) {
        return callerIsProcuratorate && Regions.isCode(callerRegion)
                ? Optional.of(Regions.prefix(callerRegion))
                : Optional.empty();
    }
}
