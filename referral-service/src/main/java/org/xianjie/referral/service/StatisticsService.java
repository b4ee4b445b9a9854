package org.xianjie.referral.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.xianjie.platform.identity.AgencyDirectory;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.identity.Regions;
import org.xianjie.referral.domain.access.ReferralAccess;
import org.xianjie.referral.domain.statistics.StatisticsRow;
import org.xianjie.referral.domain.statistics.StatisticsTable;
import org.xianjie.referral.domain.statistics.StatisticsYear;
import org.xianjie.referral.persistence.StatisticsRepository;

/**
 * 年度数据: the year's figures per agency, from referral-service's own record (its steps, suspects,
 * reviews, leads and deadlines, and the case facts case events announced). A procuratorate reads
 * the agencies of its region and the regions beneath it; any other agency its own row. Rows the
 * caller may not read are never computed into the answer: a filter naming them yields no row.
 */
@ApplicationScoped
public class StatisticsService {

    private final StatisticsRepository figures;
    private final AgencyDirectory directory;

    public StatisticsService(StatisticsRepository figures, AgencyDirectory directory) {
        this.figures = figures;
        this.directory = directory;
    }

    /** The rows for {@code year}, optionally only within {@code region} (and beneath) or for one {@code agency}. */
    public Uni<List<StatisticsRow>> rows(Caller caller, StatisticsYear year, String region, String agency) {
        ReferralAccess.Viewer viewer = ReferralService.viewer(caller);
        List<StatisticsTable.Agency> scope = directory.all().stream()
                .filter(a -> ReferralAccess.mayReadFiguresOf(viewer, a.code(), a.region()))
                .filter(a -> region == null || Regions.isWithin(region, a.region()))
                .filter(a -> agency == null || agency.equals(a.code()))
                .map(a -> new StatisticsTable.Agency(a.code(), a.region()))
                .toList();
        if (scope.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String supervised = ReferralAccess.supervisedRegionPrefix(viewer);
        String prefix = supervised != null ? supervised : Regions.prefix(caller.region());
        return Panache.withSession(() -> figures.count(year, prefix))
                .map(counted -> StatisticsTable.rows(scope, year, counted));
    }
}
