package org.xianjie.referral.domain.sharing;

import java.util.Collection;
import java.util.List;
import org.xianjie.platform.identity.Agency;
import org.xianjie.platform.identity.AgencyType;

/** A clue addressed to an agency type in a region (e.g. "the police of Qingdao") reaches every such agency there. */
public final class Addressing {

    private Addressing() {}

    public static List<String> byTypeInRegion(AgencyType type, String region, Collection<Agency> directory) {
        return directory.stream()
                .filter(a -> a.type() == type && a.region().equals(region))
                .map(Agency::code)
                .sorted()
                .toList();
    }
}
