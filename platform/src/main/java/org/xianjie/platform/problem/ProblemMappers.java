package org.xianjie.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.xianjie.platform.failure.FailureClassifier;
import org.xianjie.platform.web.StrictJson;

/**
 * Turns every failure of a request into RFC 9457 {@code application/problem+json}: a specific
 * status and the violated fields named, and never a stack trace. Anything unexpected is a 500
 * whose details go to the log only.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Long enough for a pool to reconnect or a primary to fail over, short enough not to stall clients. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.toProblem(request.path()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpServerRequest request) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field '")) {
            return fieldProblem(request, duplicateKeyPath(e, message), "duplicate key; each key may appear once");
        }
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return respond(new Problem(
                ProblemTypes.MALFORMED_JSON,
                "Malformed JSON",
                400,
                "the request body is not valid JSON" + where,
                request.path(),
                List.of(),
                null));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, HttpServerRequest request) {
        String field = path(e);
        return fieldProblem(request, field, "unknown field; allowed fields here: " + e.getKnownPropertyIds());
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e, HttpServerRequest request) {
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return fieldProblem(request, path(e), "'" + e.getValue() + "' is not a valid " + expected);
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, HttpServerRequest request) {
        String expected = e.getTargetType() == null ? "a different JSON type" : describe(e.getTargetType());
        String field = path(e);
        return fieldProblem(request, field.isEmpty() ? "body" : field, "expected " + expected);
    }

    @ServerExceptionMapper
    public Response invalidValue(ValueInstantiationException e, HttpServerRequest request) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return fieldProblem(request, path(e), cause.getMessage());
    }

    @ServerExceptionMapper
    public Response forbiddenText(StrictJson.ForbiddenText e, HttpServerRequest request) {
        String outer = path(e);
        String field = outer.isEmpty()
                ? e.innerPath()
                : e.innerPath().isEmpty() ? outer : outer + (e.innerPath().startsWith("[") ? "" : ".") + e.innerPath();
        return fieldProblem(request, field.isEmpty() ? "body" : field, e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e, HttpServerRequest request) {
        return fieldProblem(request, path(e).isEmpty() ? "body" : path(e), e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpServerRequest request) {
        return respond(new Problem(
                ProblemTypes.MALFORMED_JSON,
                "Malformed JSON",
                400,
                e.getOriginalMessage(),
                request.path(),
                List.of(),
                null));
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(field(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return respond(ProblemException.invalid(errors).toProblem(request.path()));
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "a valid bearer token is required"
                : e.getMessage();
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        ProblemTypes.UNAUTHORIZED, "Unauthorized", 401, detail, request.path(), List.of(), null))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(new Problem(
                ProblemTypes.FORBIDDEN,
                "Forbidden",
                403,
                e.getMessage() == null ? "the caller's role does not allow this" : e.getMessage(),
                request.path(),
                List.of(),
                null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // The JSON reader wraps some parse failures (truncated body, number overflow) in a bare 400.
            return jsonFailure(json, request);
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(new Problem(
                ProblemTypes.forStatus(status), title, status, e.getMessage(), request.path(), List.of(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return problem(p, request);
            }
            if (t instanceof StaleStateException || t instanceof jakarta.persistence.OptimisticLockException) {
                return respond(new Problem(
                        ProblemTypes.CONCURRENT_UPDATE,
                        "Concurrent update",
                        409,
                        "someone else changed this resource at the same time; read it again and retry",
                        request.path(),
                        List.of(),
                        null));
            }
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return respond(new Problem(
                        ProblemTypes.CONFLICT,
                        "Conflict",
                        409,
                        "this conflicts with an existing record",
                        request.path(),
                        List.of(),
                        null));
            }
        }
        if (FailureClassifier.isInfrastructure(e)) {
            // The database (or broker) is away or overloaded: nothing was committed, and the same
            // request will succeed once it is back, so say when to retry rather than fail it.
            LOG.warnf(
                    "%s %s answered 503, infrastructure unavailable: %s",
                    request.method(), request.path(), FailureClassifier.reason(e));
            return Response.status(503)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .type(Problem.MEDIA_TYPE)
                    .entity(new Problem(
                            ProblemTypes.UNAVAILABLE,
                            "Service unavailable",
                            503,
                            "a database or message broker is temporarily unavailable; retry the request later "
                                    + "with the same Idempotency-Key, which never doubles its effect",
                            request.path(),
                            List.of(),
                            null))
                    .build();
        }
        LOG.errorf(e, "unexpected failure on %s %s", request.method(), request.path());
        return respond(new Problem(
                ProblemTypes.INTERNAL,
                "Internal error",
                500,
                "an unexpected error occurred; it has been logged",
                request.path(),
                List.of(),
                null));
    }

    private Response jsonFailure(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof com.fasterxml.jackson.core.exc.InputCoercionException coercion
                && coercion.getProcessor() != null) {
            String pointer =
                    coercion.getProcessor().getParsingContext().pathAsPointer().toString();
            String field = pointer.isEmpty() ? "body" : pointer.substring(1).replace('/', '.');
            return fieldProblem(request, field, "number out of range");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownField(u, request);
        }
        if (e instanceof InvalidFormatException f) {
            return wrongValue(f, request);
        }
        if (e instanceof MismatchedInputException m) {
            return wrongShape(m, request);
        }
        if (e instanceof StrictJson.ForbiddenText t) {
            return forbiddenText(t, request);
        }
        if (e instanceof JsonMappingException m) {
            return unreadable(m, request);
        }
        if (e instanceof JsonParseException p) {
            return malformedJson(p, request);
        }
        return unreadable(e, request);
    }

    /** {@code amounts.fine} for a duplicate {@code fine} inside {@code amounts}. */
    private static String duplicateKeyPath(JsonParseException e, String message) {
        String name = message.substring("Duplicate field '".length());
        name = name.contains("'") ? name.substring(0, name.indexOf('\'')) : name;
        String parent = "";
        com.fasterxml.jackson.core.JsonParser parser = e.getProcessor();
        if (parser != null) {
            com.fasterxml.jackson.core.JsonStreamContext context = parser.getParsingContext();
            String pointer = context.pathAsPointer().toString();
            String own = "/" + name;
            if (pointer.endsWith(own)) {
                pointer = pointer.substring(0, pointer.length() - own.length());
            }
            parent = pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
        }
        return parent.isEmpty() ? name : parent + "." + name;
    }

    private Response fieldProblem(HttpServerRequest request, String field, String message) {
        return respond(ProblemException.badRequest(field, message).toProblem(request.path()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /** The JSON path of a Jackson failure, e.g. {@code amounts.illegalGains} or {@code parties[0].name}. */
    public static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The field of a bean-validation violation without the method and parameter segments. */
    static String field(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (node.getIndex() != null && !sb.isEmpty()) {
                sb.append('[').append(node.getIndex()).append(']');
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "value; expected one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (yyyy-MM-dd)";
            case "OffsetDateTime", "Instant" -> "timestamp (RFC 3339)";
            case "UUID" -> "UUID";
            case "String" -> "string";
            case "Boolean", "boolean" -> "boolean";
            default ->
                type.getSimpleName().matches("List|Set|Collection") ? "array" : "object (" + type.getSimpleName() + ")";
        };
    }
}
