package org.xianjie.cases.api;

import java.util.List;
import org.xianjie.cases.service.CaseListing;

/** One page of a listing; {@code nextCursor} is null on the last page. */
public record CasePage(List<CaseView> items, String nextCursor) {

    public static CasePage of(CaseListing listing) {
        return new CasePage(listing.items().stream().map(CaseView::of).toList(), listing.nextCursor());
    }
}
