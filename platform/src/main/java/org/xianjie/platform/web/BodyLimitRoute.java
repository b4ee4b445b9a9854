package org.xianjie.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xianjie.platform.problem.Problem;
import org.xianjie.platform.problem.ProblemTypes;

import java.util.List;

/**
 * Answers an oversized body with a 413 problem instead of Vert.x's bare status: a declared
 * {@code Content-Length} over {@code quarkus.http.limits.max-body-size} is refused before the
 * body is read; a chunked body that grows over it is caught when Vert.x fails the request with 413.
 */
@ApplicationScoped
public class BodyLimitRoute {

    private final long maxBytes;
    private final ObjectMapper mapper;

    public BodyLimitRoute(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                          MemorySize maxBodySize, ObjectMapper mapper) {
        this.maxBytes = maxBodySize.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onTooLarge);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredOver(length)) {
            refuse(context);
            return;
        }
        context.next();
    }

    private void onTooLarge(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            refuse(context);
            return;
        }
        context.next();
    }

    private boolean declaredOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void refuse(RoutingContext context) {
        Problem problem = new Problem(ProblemTypes.TOO_LARGE, "Payload too large", 413,
                "the request body is larger than the limit of " + maxBytes + " bytes", context.request().path(),
                List.of(new Problem.FieldError("body", "larger than " + maxBytes + " bytes")), null);
        String json;
        try {
            json = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            json = "{\"status\":413}";
        }
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json);
    }
}
