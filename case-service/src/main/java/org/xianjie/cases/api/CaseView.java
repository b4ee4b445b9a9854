package org.xianjie.cases.api;

import org.xianjie.cases.domain.CaseCategory;
import org.xianjie.cases.domain.CaseState;
import org.xianjie.cases.persistence.CaseRecord;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A case as its readers see it. */
public record CaseView(UUID id, String agencyCode, String caseNumber, CaseCategory category, String region,
                       String title, String summary, CaseState state, LocalDate openedOn,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    public static CaseView of(CaseRecord c) {
        return new CaseView(c.id, c.agencyCode, c.caseNumber, c.category, c.region, c.title, c.summary, c.state,
                c.openedOn, c.createdAt, c.updatedAt, c.version);
    }
}
