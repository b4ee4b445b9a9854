package org.xianjie.cases.service;

import java.util.List;
import org.xianjie.cases.domain.Party;
import org.xianjie.cases.persistence.CaseRecord;
import org.xianjie.cases.persistence.EvidenceRecord;

/**
 * A case as the service hands it out: the record, its parties decoded (identity numbers only as
 * hashes and last 4 characters) and its evidence ({@code null} where a listing leaves it out). The
 * api turns it into a view.
 */
public record CaseDetails(CaseRecord record, List<Party> parties, List<EvidenceRecord> evidence) {}
