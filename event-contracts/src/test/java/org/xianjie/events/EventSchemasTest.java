package org.xianjie.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private static final String CASE_ID = "3f2b8c1e-7d4a-4b6e-9c1f-2a5d8e7b6c40";

    private final EventSchemaValidator validator = new EventSchemaValidator();
    private final Map<String, ObjectNode> samples = EventSamples.bySchema();

    @Test
    void everyRegisteredEventTypeHasASchemaWhoseIdIsItsDataschema() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String type : EventTypes.all()) {
            if (!EventSchemas.hasSchema(type)) {
                missing.add(type + " (expected " + EventSchemas.resourceOf(type) + ")");
                continue;
            }
            assertEquals(
                    EventSchemas.uriOf(type).toString(),
                    schema(type).path("$id").asText(),
                    type);
            assertEquals(
                    "https://json-schema.org/draft/2020-12/schema",
                    schema(type).path("$schema").asText(),
                    type);
        }
        assertEquals(List.of(), missing, "event types without a schema in event-contracts");
    }

    @Test
    void everyEventBuiltBySuiteCarriesItsTypesSchemaAsDataschema() {
        CloudEvent event = CloudEvent.of(
                "1", EventSources.REFERRAL_SERVICE, ReferralEventTypes.forStep("SEND"), "referrals/1", null, null);
        assertEquals("https://xianjie.org/schemas/events/org.xianjie.referral.step.v1.json", event.dataschema());
        assertEquals(
                "https://xianjie.org/schemas/events/org.xianjie.case.opened.v1.json",
                CloudEvent.of("2", EventSources.CASE_SERVICE, CaseEventTypes.OPENED, null, null, null)
                        .dataschema());
    }

    @Test
    void aSampleOfEveryTypeConformsToItsSchema() {
        for (String type : EventTypes.all()) {
            ObjectNode sample = samples.get(EventSchemas.nameOf(type));
            assertNotNull(sample, "no sample for " + EventSchemas.nameOf(type) + " in EventSamples");
            assertEquals(List.of(), validator.problemsAs(type, sample), type);
        }
    }

    @Test
    void fieldsConsumersDoNotKnowAreAllowed() {
        for (String type : EventTypes.all()) {
            ObjectNode sample = samples.get(EventSchemas.nameOf(type)).deepCopy();
            sample.put("addedInALaterVersion", "ignored by today's consumers");
            sample.putObject("anotherNewBlock").put("x", 1);
            assertEquals(List.of(), validator.problemsAs(type, sample), type);
        }
    }

    @Test
    void eachFieldConsumersRelyOnIsRequired() throws IOException {
        for (String type : EventTypes.all()) {
            List<String> required = requiredFields(type);
            assertFalse(required.isEmpty(), type + " requires nothing");
            for (String field : required) {
                ObjectNode sample = samples.get(EventSchemas.nameOf(type)).deepCopy();
                sample.remove(field);
                assertTrue(
                        validator.problemsAs(type, sample).stream().anyMatch(p -> p.contains(field)),
                        type + " accepts data without " + field);
            }
        }
    }

    @Test
    void wrongTypesAndMalformedValuesAreRejected() {
        ObjectNode sample = samples.get(CaseEventTypes.OPENED).deepCopy();
        sample.put("caseId", "not-a-uuid");
        sample.put("version", "three");
        sample.put("recordedAt", "yesterday");
        List<String> problems = validator.problemsAs(CaseEventTypes.OPENED, sample);
        assertTrue(problems.stream().anyMatch(p -> p.contains("caseId")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("version")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("recordedAt")), problems.toString());
    }

    @Test
    void anEventTypeWithoutASchemaIsReportedNotPassed() {
        List<String> problems =
                validator.problemsAs("org.xianjie.case.not-yet-described.v1", samples.get(CaseEventTypes.OPENED));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("no schema"), problems.toString());
    }

    @Test
    void aPenaltyDecidedEventWithoutItsPenaltyIsRejected() {
        ObjectNode sample = samples.get(CaseEventTypes.PENALTY_DECIDED).deepCopy();
        sample.remove("penalty");
        assertFalse(validator.problemsAs(CaseEventTypes.PENALTY_DECIDED, sample).isEmpty());
    }

    @Test
    void aPenaltyRevokedEventWithoutItsRevocationIsRejected() {
        ObjectNode sample = samples.get(CaseEventTypes.PENALTY_REVOKED).deepCopy();
        ((ObjectNode) sample.get("penalty")).remove("revocation");
        assertFalse(validator.problemsAs(CaseEventTypes.PENALTY_REVOKED, sample).isEmpty());
    }

    @Test
    void everySharingEventSharesTheItemSchema() {
        for (String type : SharingEventTypes.ALL) {
            assertEquals(
                    "https://xianjie.org/schemas/events/org.xianjie.sharing.item.v1.json",
                    EventSchemas.uriOf(type).toString(),
                    type);
        }
        assertEquals(19, SharingEventTypes.ALL.size());
    }

    @Test
    void aSharingDeadlineOrTaskEventWithoutItsDeadlineIsRejected() {
        for (String act : List.of("DEADLINE_REMINDER", "DEADLINE_BREACHED", "TASK_ASSIGNED", "FORWARD")) {
            ObjectNode sample = samples.get(EventSchemas.SHARING_ITEM).deepCopy();
            sample.put("act", act);
            sample.remove("deadline");
            List<String> problems = validator.problemsAs(SharingEventTypes.DEADLINE_REMINDER, sample);
            assertTrue(problems.stream().anyMatch(p -> p.contains("deadline")), act + ": " + problems);
        }
    }

    @Test
    void aSharingActThatOpensNoLimitNeedsNoDeadline() {
        ObjectNode sample = samples.get(EventSchemas.SHARING_ITEM).deepCopy();
        sample.put("act", "CREATED");
        sample.remove("deadline");
        sample.remove("actor");
        assertEquals(List.of(), validator.problemsAs(SharingEventTypes.BULLETIN_ISSUED, sample));
    }

    @Test
    void aForwardedClueNamesTheAgenciesItWentTo() {
        ObjectNode sample = samples.get(EventSchemas.SHARING_ITEM).deepCopy();
        sample.put("kind", "CLUE");
        sample.put("act", "FORWARD");
        assertTrue(validator.problemsAs(SharingEventTypes.CLUE_FORWARDED, sample).stream()
                .anyMatch(p -> p.contains("newAddressees")));
        sample.putArray("newAddressees").add("TJ-PSB-HP");
        assertEquals(List.of(), validator.problemsAs(SharingEventTypes.CLUE_FORWARDED, sample));
    }

    @Test
    void aCaseOpenedFromAClueNamesTheCase() {
        ObjectNode sample = samples.get(EventSchemas.SHARING_ITEM).deepCopy();
        sample.put("kind", "CLUE");
        sample.put("act", "OPEN_CASE");
        assertFalse(
                validator.problemsAs(SharingEventTypes.CLUE_CASE_OPENED, sample).isEmpty());
        sample.put("linkedCaseId", CASE_ID);
        assertEquals(List.of(), validator.problemsAs(SharingEventTypes.CLUE_CASE_OPENED, sample));
    }

    @Test
    void suspectAmountsInExponentFormAreNumbersButTextIsNot() throws IOException {
        String json = EventSamples.MAPPER.writeValueAsString(samples.get(ReferralEventTypes.SUSPECT_DECIDED));
        assertTrue(json.contains("\"criminalFine\":5E+4"), json);
        assertEquals(
                List.of(), validator.problemsAs(ReferralEventTypes.SUSPECT_DECIDED, new ObjectMapper().readTree(json)));
        ObjectNode text = samples.get(ReferralEventTypes.SUSPECT_DECIDED).deepCopy();
        text.put("criminalFine", "50000");
        assertTrue(validator.problemsAs(ReferralEventTypes.SUSPECT_DECIDED, text).stream()
                .anyMatch(p -> p.contains("criminalFine")));
    }

    @Test
    void aSuspectDecisionNamesTheStepThatDecided() {
        ObjectNode sample = samples.get(ReferralEventTypes.SUSPECT_DECIDED).deepCopy();
        sample.remove("step");
        assertFalse(
                validator.problemsAs(ReferralEventTypes.SUSPECT_DECIDED, sample).isEmpty());
        assertEquals(List.of(), validator.problemsAs(ReferralEventTypes.SUSPECT_RECORDED, sample));
    }

    /** The top-level fields the type's schema requires, its own and those of the shape it refers to. */
    private List<String> requiredFields(String type) throws IOException {
        List<String> fields = new ArrayList<>();
        collectRequired(schema(type), fields);
        return fields;
    }

    private void collectRequired(JsonNode schema, List<String> fields) throws IOException {
        schema.path("required").forEach(f -> fields.add(f.asText()));
        for (JsonNode part : schema.path("allOf")) {
            collectRequired(part, fields);
        }
        if (schema.hasNonNull("$ref")) {
            collectRequired(
                    read(EventSchemas.RESOURCE_FOLDER + schema.get("$ref").asText()), fields);
        }
    }

    private static JsonNode schema(String type) throws IOException {
        return read(EventSchemas.resourceOf(type));
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = EventSchemasTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new ObjectMapper().readTree(in);
        }
    }
}
