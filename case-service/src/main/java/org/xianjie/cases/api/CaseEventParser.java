package org.xianjie.cases.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.xianjie.cases.service.command.CloseCaseRequest;
import org.xianjie.cases.service.command.EvidenceRequest;
import org.xianjie.cases.service.command.OpenCaseRequest;
import org.xianjie.cases.service.command.PenaltyRequest;
import org.xianjie.cases.service.command.RecordFactsRequest;
import org.xianjie.events.CaseEventTypes;
import org.xianjie.events.CloudEvent;
import org.xianjie.events.EventSources;
import org.xianjie.platform.idempotency.IdempotencyStore;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.problem.Problem;
import org.xianjie.platform.problem.ProblemMappers;

/**
 * Reads a posted structured CloudEvent into the REST command it stands for, collecting every
 * violation with its path ({@code data.amounts.fine}, {@code [2].source}). The event's
 * {@code source} must be the caller's agency namespace ({@code /agencies/<code>}); {@code subject}
 * is the agency's case number.
 */
@ApplicationScoped
public class CaseEventParser {

    /** The command class each accepted event type carries as data. */
    public static final Map<String, Class<?>> COMMANDS = Map.of(
            CaseEventTypes.OPENED, OpenCaseRequest.class,
            CaseEventTypes.FACTS_RECORDED, RecordFactsRequest.class,
            CaseEventTypes.EVIDENCE_ADDED, EvidenceRequest.class,
            CaseEventTypes.PENALTY_DECIDED, PenaltyRequest.class,
            CaseEventTypes.CLOSED, CloseCaseRequest.class);

    private final ObjectMapper mapper;
    private final Validator validator;

    public CaseEventParser(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * A posted event understood: its id, type, case number and command, the hash that identifies it,
     * and when the act happened ({@code time}, else {@code data.occurredAt}, else null for "now") with
     * the path that stated it.
     */
    public record ParsedEvent(
            String id,
            String type,
            String caseNumber,
            Object command,
            String hash,
            OffsetDateTime occurredAt,
            String occurredAtField) {}

    public ParsedEvent parse(JsonNode node, String prefix, Caller caller, List<Problem.FieldError> errors) {
        int before = errors.size();
        if (node == null || !node.isObject()) {
            errors.add(new Problem.FieldError(prefix.isEmpty() ? "body" : prefix, "must be a CloudEvent JSON object"));
            return null;
        }
        String specVersion = text(node, "specversion", prefix, true, errors);
        if (specVersion != null && !CloudEvent.SPEC_VERSION.equals(specVersion)) {
            errors.add(new Problem.FieldError(prefix + "specversion", "must be \"1.0\""));
        }
        String id = text(node, "id", prefix, true, errors);
        if (id != null && !id.matches("[\\x21-\\x7E]{1,200}")) {
            errors.add(new Problem.FieldError(prefix + "id", "must be 1 to 200 visible ASCII characters"));
        }
        String source = text(node, "source", prefix, true, errors);
        String expectedSource = EventSources.agency(caller.agencyCode());
        if (source != null && !source.equals(expectedSource)) {
            errors.add(new Problem.FieldError(prefix + "source", "must be " + expectedSource + ", the token's agency"));
        }
        String type = text(node, "type", prefix, true, errors);
        Class<?> commandType = type == null ? null : COMMANDS.get(type);
        if (type != null && commandType == null) {
            errors.add(new Problem.FieldError(
                    prefix + "type",
                    "must be one of " + COMMANDS.keySet().stream().sorted().toList()));
        }
        String subject = text(node, "subject", prefix, false, errors);
        OffsetDateTime time = null;
        String timeText = text(node, "time", prefix, false, errors);
        if (timeText != null) {
            try {
                time = OffsetDateTime.parse(timeText);
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError(
                        prefix + "time", "must be an RFC 3339 timestamp with offset, e.g. 2026-04-10T09:30:00+08:00"));
            }
        }
        String contentType = text(node, "datacontenttype", prefix, false, errors);
        if (contentType != null && !contentType.startsWith("application/json")) {
            errors.add(new Problem.FieldError(prefix + "datacontenttype", "must be application/json"));
        }
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            errors.add(new Problem.FieldError(prefix + "data", "must be a JSON object"));
        }
        Object command = commandType == null || data == null || !data.isObject()
                ? null
                : command(data, commandType, prefix + "data.", errors);
        String caseNumber = subject;
        if (command instanceof OpenCaseRequest open && open.caseNumber() != null) {
            if (subject != null && !subject.equals(open.caseNumber())) {
                errors.add(new Problem.FieldError(prefix + "subject", "must equal data.caseNumber"));
            }
            caseNumber = open.caseNumber();
        } else if (commandType != null && subject == null) {
            errors.add(new Problem.FieldError(prefix + "subject", "must be the agency's case number"));
        }
        OffsetDateTime stated = statedTime(command);
        if (time != null && stated != null && !time.isEqual(stated)) {
            errors.add(new Problem.FieldError(
                    prefix + "data.occurredAt", "must equal time (" + timeText + ") when both are given"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new ParsedEvent(
                id,
                type,
                caseNumber,
                command,
                IdempotencyStore.hash("event", type, subject, data.toString()),
                time != null ? time : stated,
                prefix + (time != null || stated == null ? "time" : "data.occurredAt"));
    }

    private static OffsetDateTime statedTime(Object command) {
        if (command instanceof OpenCaseRequest c) {
            return c.occurredAt();
        }
        if (command instanceof RecordFactsRequest c) {
            return c.occurredAt();
        }
        if (command instanceof EvidenceRequest c) {
            return c.occurredAt();
        }
        if (command instanceof PenaltyRequest c) {
            return c.occurredAt();
        }
        return command instanceof CloseCaseRequest c ? c.occurredAt() : null;
    }

    private Object command(JsonNode data, Class<?> type, String prefix, List<Problem.FieldError> errors) {
        Object command;
        try {
            command = mapper.treeToValue(data, type);
        } catch (JsonMappingException e) {
            String where = ProblemMappers.path(e);
            errors.add(new Problem.FieldError(
                    where.isEmpty() ? prefix.substring(0, prefix.length() - 1) : prefix + where, describe(e)));
            return null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            errors.add(new Problem.FieldError(prefix.substring(0, prefix.length() - 1), "is not readable"));
            return null;
        }
        validator.validate(command).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach((ConstraintViolation<Object> v) ->
                        errors.add(new Problem.FieldError(prefix + v.getPropertyPath(), v.getMessage())));
        return command;
    }

    private static String text(
            JsonNode node, String name, String prefix, boolean required, List<Problem.FieldError> errors) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new Problem.FieldError(prefix + name, "is required"));
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.add(new Problem.FieldError(prefix + name, "must be a non-empty string"));
            return null;
        }
        return value.asText();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return "not a valid "
                    + (f.getTargetType().isEnum()
                            ? "value; expected one of "
                                    + java.util.Arrays.toString(
                                            f.getTargetType().getEnumConstants())
                            : f.getTargetType().getSimpleName());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + m.getTargetType().getSimpleName();
        }
        return "is not readable";
    }
}
