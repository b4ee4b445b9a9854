package org.xianjie.cases.api;

import java.util.List;

/** One page of a listing; {@code nextCursor} is null on the last page. */
public record CasePage(List<CaseView> items, String nextCursor) {
}
