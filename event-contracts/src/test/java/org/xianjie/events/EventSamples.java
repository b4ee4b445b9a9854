package org.xianjie.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One sample data per schema, built from the payload records and written as the services write
 * them (Quarkus' mapper: ISO dates, nulls left out), so that records and schemas cannot drift.
 * A new schema gets its sample here.
 */
final class EventSamples {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.ofHours(8));
    private static final UUID CASE = UUID.fromString("3f2b8c1e-7d4a-4b6e-9c1f-2a5d8e7b6c40");
    private static final UUID REFERRAL = UUID.fromString("a1c2e3f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b");

    private EventSamples() {}

    /** Sample data by schema name ({@link EventSchemas#nameOf}). */
    static Map<String, ObjectNode> bySchema() {
        CaseSnapshot opened = caseSnapshot(null);
        CaseSnapshot decided = caseSnapshot(new CaseSnapshot.Penalty(
                "津市监罚〔2026〕12号", LocalDate.of(2026, 3, 1), new BigDecimal("50000.00"), new BigDecimal("12000"), null));
        CaseSnapshot revoked = caseSnapshot(new CaseSnapshot.Penalty(
                "津市监罚〔2026〕12号",
                LocalDate.of(2026, 3, 1),
                new BigDecimal("50000.00"),
                new BigDecimal("12000"),
                null,
                new CaseSnapshot.Revocation("行政复议决定撤销 (津政复决〔2026〕3号)", AT.plusDays(40))));
        ReferralSnapshot step =
                referral("SEND", new ReferralSnapshot.Actor("TJ-AMR", "ADMINISTRATIVE", "li.wei", "officer"), null);
        ReferralSnapshot deadline = referral(
                null,
                null,
                new ReferralSnapshot.OpenDeadline(
                        "POLICE_FILING_REVIEW", "公安机关审查是否立案", "TJ-PSB", AT.plusDays(3), false, AT, null));
        LeadSnapshot lead = new LeadSnapshot(
                UUID.fromString("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"),
                CASE,
                "津市监罚〔2026〕12号",
                "销售假冒注册商标的商品",
                "TRADEMARK",
                "120101",
                "TJ-AMR",
                "TJ-PRO",
                "OPEN",
                "2010-立案追诉标准（二）",
                "第二百一十四条 销售假冒注册商标的商品罪",
                "销售金额五万元以上",
                "sales",
                new BigDecimal("80000"),
                new BigDecimal("50000"),
                null,
                AT);
        PenaltyReviewSnapshot review = new PenaltyReviewSnapshot(
                UUID.fromString("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"),
                CASE,
                "津市监罚〔2026〕12号",
                "销售假冒注册商标的商品",
                "TRADEMARK",
                "120101",
                "TJ-AMR",
                LocalDate.of(2026, 3, 1),
                "TJ-PRO",
                "NO_ISSUE",
                null,
                "wang.fang",
                AT,
                AT.plusMinutes(1));
        UUID meeting = UUID.fromString("9b0c1d2e-3f4a-4b5c-8d6e-7f8a9b0c1d2e");
        UUID task = UUID.fromString("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f");
        SharingSnapshot taskAssigned = new SharingSnapshot(
                meeting,
                "MEETING",
                "TASK_ASSIGNED",
                "第一季度联席会议",
                "120101",
                "TJ-PRO",
                List.of("TJ-AMR", "TJ-PSB"),
                List.of(),
                "TJ-PRO",
                "wang.fang",
                "MINUTES_RECORDED",
                "核实涉案商品货值",
                CASE,
                "津市监罚〔2026〕12号",
                null,
                null,
                task,
                new SharingSnapshot.Deadline(
                        "MEETING_TASK", "联席会议议定事项办理期限", "TJ-AMR", task, AT, AT.plusDays(10), false),
                AT,
                AT.plusSeconds(1));
        UUID suspect = UUID.fromString("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a");
        List<String> hashes = List.of("k1:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae");
        SuspectSnapshot suspectRecorded = new SuspectSnapshot(
                suspect,
                REFERRAL,
                CASE,
                "120101",
                "TJ-AMR",
                "RECORDED",
                null,
                "TJ-AMR",
                "PERSON",
                "PRINCIPAL",
                hashes,
                "**************1234",
                List.of("TRADEMARK_GOODS_SALE"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                AT,
                AT);
        // Amounts as BigDecimal may be written in exponent form; still JSON numbers.
        SuspectSnapshot suspectJudged = new SuspectSnapshot(
                suspect,
                REFERRAL,
                CASE,
                "120101",
                "TJ-AMR",
                "JUDGED",
                "RENDER_JUDGMENT",
                "TJ-COURT",
                "PERSON",
                "PRINCIPAL",
                hashes,
                "**************1234",
                List.of("TRADEMARK_GOODS_SALE"),
                "APPROVED",
                "PROSECUTED",
                true,
                "GUILTY",
                18,
                24,
                new BigDecimal("5E+4"),
                new BigDecimal("12000"),
                new BigDecimal("38000"),
                AT,
                AT.plusSeconds(1));
        return Map.ofEntries(
                Map.entry(CaseEventTypes.OPENED, json(opened)),
                Map.entry(CaseEventTypes.FACTS_RECORDED, json(opened)),
                Map.entry(CaseEventTypes.EVIDENCE_ADDED, json(opened)),
                Map.entry(CaseEventTypes.PENALTY_DECIDED, json(decided)),
                Map.entry(CaseEventTypes.PENALTY_REVOKED, json(revoked)),
                Map.entry(CaseEventTypes.CLOSED, json(decided)),
                Map.entry(CaseEventTypes.REFERRAL_STATUS_CHANGED, json(opened)),
                Map.entry(EventSchemas.REFERRAL_STEP, json(step)),
                Map.entry(ReferralEventTypes.DEADLINE_REMINDER, json(deadline)),
                Map.entry(ReferralEventTypes.DEADLINE_BREACHED, json(deadline)),
                Map.entry(ReferralEventTypes.LEAD_RAISED, json(lead)),
                Map.entry(ReferralEventTypes.LEAD_DISMISSED, json(lead)),
                Map.entry(ReferralEventTypes.LEAD_ESCALATED, json(lead)),
                Map.entry(ReferralEventTypes.LEAD_REFERRED, json(lead)),
                Map.entry(ReferralEventTypes.LEAD_REFERRAL_OVERDUE, json(lead)),
                Map.entry(ReferralEventTypes.PENALTY_DECISION_REVIEWED, json(review)),
                Map.entry(ReferralEventTypes.SUSPECT_RECORDED, json(suspectRecorded)),
                Map.entry(ReferralEventTypes.SUSPECT_DECIDED, json(suspectJudged)),
                Map.entry(EventSchemas.SHARING_ITEM, json(taskAssigned)),
                Map.entry(IntegrityEventTypes.CHECKPOINT_SEALED, checkpoint()));
    }

    private static CaseSnapshot caseSnapshot(CaseSnapshot.Penalty penalty) {
        return new CaseSnapshot(
                CASE,
                "TJ-AMR",
                "津市监罚〔2026〕12号",
                "TRADEMARK",
                "120101",
                "销售假冒注册商标的商品",
                penalty == null ? "OPEN" : "DECIDED",
                new CaseSnapshot.Amounts(new BigDecimal("80000"), null, new BigDecimal("80000"), null, null, null),
                penalty,
                List.of("k1:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                2,
                3,
                AT,
                AT.plusSeconds(2));
    }

    private static ReferralSnapshot referral(
            String step, ReferralSnapshot.Actor actor, ReferralSnapshot.OpenDeadline deadline) {
        return new ReferralSnapshot(
                REFERRAL,
                CASE,
                "津市监罚〔2026〕12号",
                "销售假冒注册商标的商品",
                "TRADEMARK",
                "120101",
                "SENT",
                step,
                actor,
                null,
                new ReferralSnapshot.Parties("TJ-AMR", "TJ-PSB", "TJ-PRO", null),
                List.of(new ReferralSnapshot.OpenDeadline(
                        "POLICE_FILING_REVIEW", "公安机关审查是否立案", "TJ-PSB", AT.plusDays(3), false, AT, null)),
                deadline,
                AT,
                AT.plusSeconds(1),
                4);
    }

    private static ObjectNode checkpoint() {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("checkpointId", "0b5e2f3a-6c1d-4e8f-9a2b-3c4d5e6f7a8b");
        c.put("issuer", "case-service");
        c.put("payload", "{\"algorithm\":\"Ed25519\",\"heads\":[]}");
        c.put("payloadHash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        c.put("signature", "A".repeat(86));
        c.put("algorithm", "Ed25519");
        c.put("keyId", "kid-1");
        return c;
    }

    private static ObjectNode json(Object data) {
        return MAPPER.valueToTree(data);
    }
}
