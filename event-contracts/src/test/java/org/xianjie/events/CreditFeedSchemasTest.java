package org.xianjie.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The credit feed's published contract: one schema per type, which the feed's data conforms to. */
class CreditFeedSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final EventSchemaValidator validator = new EventSchemaValidator();

    private static ObjectNode sample(int decisionVersion) {
        return MAPPER.valueToTree(new CreditPenalty(
                UUID.fromString("3f2b8c1e-7d4a-4b6e-9c1f-2a5d8e7b6c40"),
                "津市监处〔2026〕12号",
                "TJ-AMR",
                "120000",
                "TRADEMARK",
                "津市监处罚〔2026〕12号",
                LocalDate.of(2026, 3, 2),
                new BigDecimal("50000.00"),
                new BigDecimal("12000"),
                null,
                List.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                decisionVersion,
                3));
    }

    @Test
    void everyCreditFeedTypeHasASchemaWhoseIdIsItsDataschema() throws IOException {
        for (String type : CreditFeedEventTypes.ALL) {
            assertTrue(EventSchemas.hasSchema(type), type);
            try (InputStream in =
                    EventSchemas.class.getClassLoader().getResourceAsStream(EventSchemas.resourceOf(type))) {
                JsonNode schema = MAPPER.readTree(in);
                assertEquals(
                        EventSchemas.uriOf(type).toString(), schema.path("$id").asText(), type);
            }
        }
    }

    @Test
    void aPublishedAndACorrectedDecisionConform() {
        assertEquals(List.of(), validator.problemsAs(CreditFeedEventTypes.PENALTY_PUBLISHED, sample(1)));
        assertEquals(List.of(), validator.problemsAs(CreditFeedEventTypes.PENALTY_CORRECTED, sample(2)));
    }

    @Test
    void aCorrectionCannotClaimTheFirstVersion() {
        assertFalse(validator
                .problemsAs(CreditFeedEventTypes.PENALTY_CORRECTED, sample(1))
                .isEmpty());
    }

    @Test
    void aPartyMustBeAKeyedHashNeverAnIdentityNumber() {
        ObjectNode leaked = sample(1);
        leaked.putArray("partyKeyedHashes").add("120101199001011234");
        assertFalse(validator
                .problemsAs(CreditFeedEventTypes.PENALTY_PUBLISHED, leaked)
                .isEmpty());
    }

    @Test
    void aDecisionWithoutItsNumberIsRejected() {
        ObjectNode unnumbered = sample(1);
        unnumbered.remove("decisionNumber");
        assertFalse(validator
                .problemsAs(CreditFeedEventTypes.PENALTY_PUBLISHED, unnumbered)
                .isEmpty());
    }

    @Test
    void aRevocationConformsOnlyWithItsReasonAndTime() {
        ObjectNode revoked = sample(3);
        revoked.putObject("revocation").put("reason", "行政复议决定撤销").put("revokedAt", "2026-04-11T10:00:00+08:00");
        assertEquals(List.of(), validator.problemsAs(CreditFeedEventTypes.PENALTY_REVOKED, revoked));

        assertFalse(validator
                .problemsAs(CreditFeedEventTypes.PENALTY_REVOKED, sample(3))
                .isEmpty());
        ObjectNode unexplained = revoked.deepCopy();
        ((ObjectNode) unexplained.get("revocation")).remove("reason");
        assertFalse(validator
                .problemsAs(CreditFeedEventTypes.PENALTY_REVOKED, unexplained)
                .isEmpty());
    }
}
