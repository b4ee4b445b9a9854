package org.xianjie.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xianjie.platform.problem.Problem;
import org.xianjie.platform.problem.ProblemTypes;

/**
 * The HTTP edge every service shares, on the Vert.x router ahead of REST: it refuses what no
 * endpoint should ever see (an over-long URI, oversized headers, control characters in the path,
 * query or headers, a body over the limit, chunked or not) with a problem, adds the security
 * headers to every response, answers unknown paths with a 404 problem, and turns any failure the
 * router itself reports into a problem instead of Vert.x's bare status.
 *
 * <p>Netty's own limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) are set well above these so that ordinary oversize reaches this class;
 * only requests beyond Netty's limits get Netty's bare 414/431 (Quarkus exposes no hook for them).
 */
@ApplicationScoped
public class HttpGuard {

    private static final Logger LOG = Logger.getLogger(HttpGuard.class);
    /** The body of a chunked request, read here under the limit; {@link ChunkedBodyFilter} hands it to REST. */
    static final String BUFFERED_BODY = "xianjie.buffered-body";
    /** How much of a refused body is read and dropped before the connection is cut instead. */
    private static final long DRAIN_CAP = 16L * 1024 * 1024;

    private final long maxBodyBytes;
    private final int maxUriLength;
    private final long maxHeaderBytes;
    private final String contentSecurityPolicy;
    private final String strictTransportSecurity;
    private final ObjectMapper mapper;

    public HttpGuard(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize,
            @ConfigProperty(name = "xianjie.http.max-uri-length", defaultValue = "4096") int maxUriLength,
            @ConfigProperty(name = "xianjie.http.max-header-size", defaultValue = "20K") MemorySize maxHeaderSize,
            @ConfigProperty(name = "xianjie.http.content-security-policy") String contentSecurityPolicy,
            @ConfigProperty(name = "xianjie.http.strict-transport-security") String strictTransportSecurity,
            ObjectMapper mapper) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = maxHeaderSize.asLongValue();
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.strictTransportSecurity = strictTransportSecurity;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::guard);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        // After every other route (REST, static files, /q/*): nothing matched the path.
        router.route().order(Integer.MAX_VALUE).handler(this::notFound);
    }

    private void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        securityHeaders(context);
        if (request.uri().length() > maxUriLength) {
            refuse(
                    context,
                    414,
                    ProblemTypes.URI_TOO_LONG,
                    "URI too long",
                    "the request URI is longer than " + maxUriLength + " characters",
                    "uri");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
            int bad = forbiddenInHeader(header.getValue());
            if (bad >= 0) {
                refuse(
                        context,
                        400,
                        ProblemTypes.INVALID_INPUT,
                        "Invalid input",
                        "header " + header.getKey() + ": " + StrictJson.describe(header.getValue(), bad),
                        "header " + header.getKey());
                return;
            }
        }
        if (headerBytes > maxHeaderBytes) {
            refuse(
                    context,
                    431,
                    ProblemTypes.HEADERS_TOO_LARGE,
                    "Request header fields too large",
                    "the request headers are larger than " + maxHeaderBytes + " bytes",
                    "headers");
            return;
        }
        if (!parametersClean(context)) {
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            if (declaredOver(length)) {
                tooLarge(context);
                return;
            }
            context.next();
        } else if (hasBody(request)) {
            readChunked(context);
        } else {
            context.next();
        }
    }

    /** Path and query parameters decoded as the endpoints will see them, refused if they carry a control. */
    private boolean parametersClean(RoutingContext context) {
        QueryStringDecoder decoded;
        Map<String, List<String>> parameters;
        String path;
        try {
            decoded = new QueryStringDecoder(context.request().uri(), StandardCharsets.UTF_8);
            path = decoded.path();
            parameters = decoded.parameters();
        } catch (IllegalArgumentException e) {
            refuse(
                    context,
                    400,
                    ProblemTypes.INVALID_INPUT,
                    "Invalid input",
                    "the request URI has a malformed percent-encoding",
                    "uri");
            return false;
        }
        int bad = StrictJson.forbiddenInParameter(path);
        if (bad >= 0) {
            refuse(
                    context,
                    400,
                    ProblemTypes.INVALID_INPUT,
                    "Invalid input",
                    "path: " + StrictJson.describe(path, bad),
                    "path");
            return false;
        }
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            int badName = StrictJson.forbiddenInParameter(name);
            if (badName >= 0) {
                refuse(
                        context,
                        400,
                        ProblemTypes.INVALID_INPUT,
                        "Invalid input",
                        "query parameter name: " + StrictJson.describe(name, badName),
                        "query");
                return false;
            }
            for (String value : parameter.getValue()) {
                int badValue = StrictJson.forbiddenInParameter(value);
                if (badValue >= 0) {
                    refuse(
                            context,
                            400,
                            ProblemTypes.INVALID_INPUT,
                            "Invalid input",
                            name + ": " + StrictJson.describe(value, badValue),
                            name);
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A body without {@code Content-Length} (chunked) is read here under the limit, so that one over
     * it gets the same 413 problem as a declared one; REST's own reader would answer a bare 413.
     */
    private void readChunked(RoutingContext context) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > maxBodyBytes) {
                refused[0] = true;
                tooLarge(context);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> {
            if (!refused[0] && !context.response().ended()) {
                refused[0] = true;
                context.fail(400, e);
            }
        });
        request.endHandler(v -> {
            if (!refused[0]) {
                context.put(BUFFERED_BODY, body);
                context.next();
            }
        });
        request.resume();
    }

    private static boolean hasBody(HttpServerRequest request) {
        HttpMethod method = request.method();
        return !(method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS)
                && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private void securityHeaders(RoutingContext context) {
        MultiMap headers = context.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        // HSTS only means something over TLS (the edge terminates it and forwards the scheme).
        if ("https".equalsIgnoreCase(context.request().scheme())) {
            headers.set("Strict-Transport-Security", strictTransportSecurity);
        }
    }

    private void notFound(RoutingContext context) {
        refuse(
                context,
                404,
                ProblemTypes.NOT_FOUND,
                "Not found",
                "no resource at " + context.request().path(),
                null);
    }

    private void onFailure(RoutingContext context) {
        if (context.response().headWritten()) {
            // Part of the response is already on the wire; the only honest end is to cut the connection.
            context.request().connection().close();
            return;
        }
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            refuse(context, 401, ProblemTypes.UNAUTHORIZED, "Unauthorized", "a valid bearer token is required", null);
            return;
        }
        if (failure instanceof ForbiddenException) {
            refuse(context, 403, ProblemTypes.FORBIDDEN, "Forbidden", "the caller's role does not allow this", null);
            return;
        }
        int status = context.statusCode();
        if (status == 413) {
            tooLarge(context);
            return;
        }
        if (status < 400 || status > 599) {
            status = 500;
        }
        if (status >= 500) {
            LOG.errorf(
                    failure,
                    "unexpected failure on %s %s",
                    context.request().method(),
                    context.request().path());
            refuse(
                    context,
                    status,
                    ProblemTypes.INTERNAL,
                    "Internal error",
                    "an unexpected error occurred; it has been logged",
                    null);
            return;
        }
        String title =
                io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
        refuse(context, status, ProblemTypes.forStatus(status), title, title, null);
    }

    private boolean declaredOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int forbiddenInHeader(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Answers 413 at once, then reads and drops the rest of the body (up to a cap) so the client,
     * still sending, reads the answer instead of a connection reset.
     */
    private void tooLarge(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!request.isEnded()) {
            long[] dropped = {0};
            request.handler(chunk -> {
                dropped[0] += chunk.length();
                if (dropped[0] > DRAIN_CAP) {
                    request.connection().close();
                }
            });
            request.endHandler(v -> {});
            request.exceptionHandler(e -> {});
            request.resume();
        }
        refuse(
                context,
                413,
                ProblemTypes.TOO_LARGE,
                "Payload too large",
                "the request body is larger than the limit of " + maxBodyBytes + " bytes",
                "body");
    }

    private void refuse(RoutingContext context, int status, String type, String title, String detail, String field) {
        if (context.response().ended()) {
            return;
        }
        List<Problem.FieldError> errors = field == null ? List.of() : List.of(new Problem.FieldError(field, detail));
        Problem problem = new Problem(type, title, status, detail, safePath(context), errors, null);
        String json;
        try {
            json = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            json = "{\"status\":" + status + "}";
        }
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(json);
    }

    /** The path for {@code instance}, cut short and without controls: it echoes what the caller sent. */
    private static String safePath(RoutingContext context) {
        String path = context.request().path();
        if (path == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.length() && sb.length() < 200; i++) {
            char c = path.charAt(i);
            sb.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return sb.toString();
    }
}
