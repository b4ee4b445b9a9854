package org.xianjie.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * 犯罪嫌疑人: a suspect of a referral as it stands after the act the event announces ({@code act}:
 * {@code RECORDED}, {@code ARREST_REQUESTED}, {@code ARREST_DECIDED}, {@code PROSECUTION_DECIDED},
 * {@code COURT_ACCEPTED}, {@code JUDGED}). The identity number travels only as keyed hashes and a
 * last-4 mask; the name does not travel. Amounts in yuan. {@code occurredAt} is when the act
 * happened, {@code recordedAt} when referral-service recorded it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SuspectSnapshot(
        UUID suspectId,
        UUID referralId,
        UUID caseId,
        String region,
        String agency,
        String act,
        String step,
        String actorAgency,
        String kind,
        String role,
        List<String> identityHashes,
        String maskedIdentityNumber,
        List<String> charges,
        String arrestDecision,
        String prosecutionDecision,
        Boolean courtAccepted,
        String verdict,
        Integer imprisonmentMonths,
        Integer probationMonths,
        BigDecimal criminalFine,
        BigDecimal administrativeFineSetOff,
        BigDecimal fineDue,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt) {}
