package org.xianjie.cases.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.xianjie.cases.api.CaseEventParser.ParsedEvent;
import org.xianjie.cases.service.CaseService;
import org.xianjie.cases.service.command.CloseCaseRequest;
import org.xianjie.cases.service.command.EvidenceRequest;
import org.xianjie.cases.service.command.OpenCaseRequest;
import org.xianjie.cases.service.command.PenaltyRequest;
import org.xianjie.cases.service.command.RecordFactsRequest;
import org.xianjie.platform.idempotency.IdempotentResponse;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.problem.Problem;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.platform.problem.ProblemTypes;

/**
 * Applies posted CloudEvents with the same effect as the REST actions. A batch is validated as a
 * whole first (any invalid event: 400 naming it, nothing stored); then its events are applied in
 * order, each in its own transaction with its own result, so a state conflict of one event does
 * not undo the others. The event id is the idempotency key.
 */
@ApplicationScoped
public class CaseEventIngestion {

    private static final Logger LOG = Logger.getLogger(CaseEventIngestion.class);
    public static final int MAX_BATCH = 100;

    private final CaseEventParser parser;
    private final CaseService cases;
    private final IdempotentWrites writes;
    private final ObjectMapper mapper;

    public CaseEventIngestion(CaseEventParser parser, CaseService cases, IdempotentWrites writes, ObjectMapper mapper) {
        this.parser = parser;
        this.cases = cases;
        this.writes = writes;
        this.mapper = mapper;
    }

    /** One batch result: the event id, the status the event alone would get, and its body or problem. */
    public record Result(
            String id,
            int status,
            boolean replayed,

            @Schema(implementation = CaseView.class, description = "The case after the event, when it applied")
            JsonNode body,

            @Schema(description = "Why the event was refused, when it was")
            Problem problem) {}

    public Uni<Response> single(Caller caller, String body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ParsedEvent event = parser.parse(readTree(body), "", caller, errors);
        if (event == null) {
            throw ProblemException.invalid(errors);
        }
        return apply(caller, event).map(IdempotentResponse::toResponse);
    }

    public Uni<Response> batch(Caller caller, String body) {
        JsonNode tree = readTree(body);
        if (!tree.isArray() || tree.isEmpty() || tree.size() > MAX_BATCH) {
            throw ProblemException.badRequest("body", "must be a JSON array of 1 to " + MAX_BATCH + " CloudEvents");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<ParsedEvent> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            ParsedEvent event = parser.parse(tree.get(i), "[" + i + "].", caller, errors);
            if (event != null) {
                if (ids.contains(event.id())) {
                    errors.add(new Problem.FieldError("[" + i + "].id", "appears twice in this batch"));
                }
                ids.add(event.id());
                events.add(event);
            }
        }
        if (errors.isEmpty()) {
            checkOrder(events, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return Multi.createFrom()
                .iterable(events)
                .onItem()
                .transformToUniAndConcatenate(event -> apply(caller, event)
                        .map(r -> new Result(event.id(), r.status(), r.replayed(), readTree(r.json()), null))
                        .onFailure()
                        .recoverWithItem(failure -> failed(event, failure)))
                .collect()
                .asList()
                .map(results -> Response.ok(new BatchResults(results), MediaType.APPLICATION_JSON)
                        .build());
    }

    /**
     * Acts of one case must come in the order they happened: an event whose time is before that of
     * an earlier event of the same case in the batch is refused with the whole batch, so that no
     * deadline or lateness figure is ever counted from the wrong act. (An event without a time is
     * taken as happening now, so it may only be followed by events without a time.)
     */
    private static void checkOrder(List<ParsedEvent> events, List<Problem.FieldError> errors) {
        java.util.Map<String, ParsedEvent> latest = new java.util.HashMap<>();
        java.time.OffsetDateTime now = CaseService.now();
        for (int i = 0; i < events.size(); i++) {
            ParsedEvent e = events.get(i);
            ParsedEvent before = latest.get(e.caseNumber());
            java.time.OffsetDateTime at = e.occurredAt() == null ? now : e.occurredAt();
            if (before != null) {
                java.time.OffsetDateTime prev = before.occurredAt() == null ? now : before.occurredAt();
                if (at.isBefore(prev)) {
                    errors.add(new Problem.FieldError(
                            e.occurredAtField(),
                            "is before the time (" + prev
                                    + ") of event " + before.id() + " of the same case earlier in this batch;"
                                    + " send a case's acts in the order they happened"));
                    continue;
                }
            }
            latest.put(e.caseNumber(), e);
        }
    }

    /** The body of a batch answer. */
    public record BatchResults(List<Result> results) {}

    private Uni<IdempotentResponse> apply(Caller caller, ParsedEvent event) {
        String key = "event:" + event.id();
        int status =
                event.command() instanceof OpenCaseRequest || event.command() instanceof EvidenceRequest ? 201 : 200;
        return writes.respond(caller, key, event.hash(), status, () -> command(caller, event));
    }

    private Uni<?> command(Caller caller, ParsedEvent event) {
        Object command = event.command();
        CaseService.ActAt at = new CaseService.ActAt(event.occurredAt(), event.occurredAtField());
        if (command instanceof OpenCaseRequest open) {
            return cases.open(caller, open, at).map(CaseView::of);
        }
        return cases.idOfNumber(caller, event.caseNumber()).chain(id -> {
            if (command instanceof RecordFactsRequest facts) {
                return cases.recordFacts(caller, id, facts, at).map(CaseView::of);
            }
            if (command instanceof EvidenceRequest evidence) {
                return cases.addEvidence(caller, id, evidence, at).map(CaseView::of);
            }
            if (command instanceof PenaltyRequest penalty) {
                return cases.decidePenalty(caller, id, penalty, at).map(CaseView::of);
            }
            return cases.close(caller, id, (CloseCaseRequest) command, at).map(CaseView::of);
        });
    }

    private Result failed(ParsedEvent event, Throwable failure) {
        ProblemException problem = failure instanceof ProblemException p ? p : null;
        if (problem == null) {
            LOG.errorf(failure, "event %s could not be applied", event.id());
            problem = new ProblemException(
                    500,
                    ProblemTypes.INTERNAL,
                    "Internal error",
                    "the event could not be applied; it has been logged",
                    null,
                    null);
        }
        return new Result(event.id(), problem.status(), false, null, problem.toProblem("/api/v1/events#" + event.id()));
    }

    private JsonNode readTree(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("body", "a CloudEvent is required");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(
                    400,
                    ProblemTypes.MALFORMED_JSON,
                    "Malformed JSON",
                    "the request body is not valid JSON",
                    null,
                    null);
        }
    }
}
