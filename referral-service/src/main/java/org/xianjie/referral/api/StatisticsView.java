package org.xianjie.referral.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The year's figures, one row per agency the caller may read. */
@Schema(example = """
        {"year": 2026, "rows": [{"agency": "TJ-AMR", "region": "120000", "adminCasesFiled": 4,
          "adminCasesClosed": 3, "caseValue": 460000.00, "fines": 90000.00, "confiscations": 12000.00,
          "referralsSent": 2, "policeFiled": 1, "policeDeclined": 1, "arrestsApprovedCases": 1,
          "arrestsApprovedPersons": 2, "prosecutedCases": 1, "prosecutedPersons": 2, "courtAccepted": 1,
          "courtJudged": 1, "penaltyDecisionsReviewed": 1, "leadsRaised": 0, "deadlinesBreached": 0}]}""")
public record StatisticsView(int year, List<StatisticsRowView> rows) {}
