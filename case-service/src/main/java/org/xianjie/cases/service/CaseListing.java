package org.xianjie.cases.service;

import java.util.List;

/** One page of a listing; {@code nextCursor} is null on the last page. */
public record CaseListing(List<CaseDetails> items, String nextCursor) {}
