package org.xianjie.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, carrying its problem detail. Thrown by resources and domain
 * services; the {@link ProblemMappers} turn it into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(
            int status,
            String type,
            String title,
            String detail,
            List<Problem.FieldError> errors,
            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(
                400,
                ProblemTypes.INVALID_INPUT,
                "Invalid input",
                field + ": " + message,
                List.of(new Problem.FieldError(field, message)),
                null);
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(
                400,
                ProblemTypes.INVALID_INPUT,
                "Invalid input",
                errors.size() == 1
                        ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid",
                errors,
                null);
    }

    public static ProblemException unprocessable(
            String title, String detail, List<Problem.FieldError> errors, Map<String, Object> extensions) {
        return new ProblemException(422, ProblemTypes.UNPROCESSABLE, title, detail, errors, extensions);
    }

    /** 404 for a resource that does not exist or that the caller may not know exists. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(
                404, ProblemTypes.NOT_FOUND, "Not found", what + " " + id + " was not found", null, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, ProblemTypes.FORBIDDEN, "Forbidden", detail, null, null);
    }

    /** 409 for a step that does not fit the current state, naming the state and what is allowed. */
    public static ProblemException stateConflict(String detail, String state, List<String> allowed) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("state", state);
        ext.put("allowedSteps", allowed);
        return new ProblemException(
                409, ProblemTypes.STATE_CONFLICT, "Step not allowed in this state", detail, null, ext);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, ProblemTypes.CONFLICT, "Conflict", detail, null, null);
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, errors, extensions);
    }

    public int status() {
        return status;
    }
}
