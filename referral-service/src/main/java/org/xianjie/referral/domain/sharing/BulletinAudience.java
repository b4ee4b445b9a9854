package org.xianjie.referral.domain.sharing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xianjie.platform.identity.Agency;
import org.xianjie.platform.identity.AgencyType;
import org.xianjie.platform.identity.Regions;

/**
 * Who must know of a major case (重大案件通报的对象), from the directory:
 * <ul>
 *   <li>the police and the procuratorate at the same level (同级) as the sender;</li>
 *   <li>the other agencies of the sender's type in the sender's region (同类机关);</li>
 *   <li>the police and the procuratorate of every region above the sender's (上级), so a district's
 *       major case reaches its city's and province's police and procuratorate.</li>
 * </ul>
 * Never the sender itself, never an agency of a sibling region or of a region beneath.
 */
public final class BulletinAudience {

    private BulletinAudience() {}

    public static List<String> of(Agency sender, Collection<Agency> directory) {
        Set<String> chosen = new LinkedHashSet<>();
        List<String> above = regionsAbove(sender.region());
        for (Agency a : directory) {
            if (a.code().equals(sender.code())) {
                continue;
            }
            boolean policeOrProcuratorate = a.type() == AgencyType.POLICE || a.type() == AgencyType.PROCURATORATE;
            boolean sameRegion = a.region().equals(sender.region());
            if (sameRegion && (policeOrProcuratorate || a.type() == sender.type())) {
                chosen.add(a.code());
            } else if (policeOrProcuratorate && above.contains(a.region())) {
                chosen.add(a.code());
            }
        }
        return chosen.stream().sorted().toList();
    }

    /** The codes of the regions strictly above {@code region}: 370211 → 370200, 370000; 120116 → 120000. */
    public static List<String> regionsAbove(String region) {
        List<String> above = new ArrayList<>();
        if (!Regions.isCode(region)) {
            return above;
        }
        String province = region.substring(0, 2) + "0000";
        String prefecture = region.substring(0, 4) + "00";
        // A municipality's districts (1201xx) have no prefecture with agencies: the lookup finds none there.
        if (Regions.level(region) == Regions.Level.COUNTY) {
            above.add(prefecture);
        }
        if (!region.equals(province)) {
            above.add(province);
        }
        return above;
    }
}
