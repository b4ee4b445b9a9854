package org.xianjie.platform.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes every service's OpenAPI document one an integrator can generate a client from: operation
 * ids prefixed with the service ({@code case_open}, {@code referral_get}) so clients of the three
 * services compile side by side, the RFC 9457 problem schema the {@link ProblemMappers} answer
 * with, and on every {@code /api/v1} operation each error status it can answer. Runs at build time,
 * so the document stored with the build and the one served at /q/openapi are the same.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiContractFilter implements OASFilter {

    private static final String PROBLEM = "Problem";
    private static final String FIELD_ERROR = "FieldError";

    /** Reusable responses, by status: name and what it means for the caller. */
    private static final Map<String, String[]> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", new String[] {
            "BadRequest", "Invalid input: malformed JSON, a wrong type, an unknown or invalid field (named in `errors`)"
        });
        ERRORS.put("401", new String[] {"Unauthorized", "No valid bearer token"});
        ERRORS.put(
                "403",
                new String[] {"Forbidden", "The caller's agency or role may not do this (or may not see this case)"});
        ERRORS.put("404", new String[] {"NotFound", "No such resource, or not visible to the caller's agency"});
        ERRORS.put("409", new String[] {
            "Conflict",
            "The resource's state does not allow this step, a concurrent update won, or the idempotency key was used with another request"
        });
        ERRORS.put("413", new String[] {"PayloadTooLarge", "The request body exceeds the size limit"});
        ERRORS.put("415", new String[] {"UnsupportedMediaType", "The request's Content-Type is not accepted here"});
        ERRORS.put("422", new String[] {
            "Unprocessable", "Well-formed, but the rules refuse it (e.g. an amount or date that contradicts the case)"
        });
        ERRORS.put("429", new String[] {
            "TooManyRequests", "The agency's rate limit is exceeded; retry after the Retry-After header's seconds"
        });
        ERRORS.put("500", new String[] {"InternalError", "Unexpected failure; details are in the service log only"});
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        String prefix = servicePrefix(api);
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        inlineJsonNode(api);
        components.addSchema(FIELD_ERROR, fieldErrorSchema());
        components.addSchema(PROBLEM, problemSchema());
        ERRORS.forEach((status, named) -> components.addResponse(
                named[0],
                OASFactory.createAPIResponse()
                        .description(named[1])
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType().schema(ref(PROBLEM))))));

        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        api.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().forEach((method, op) -> {
                    if (op.getOperationId() != null && !op.getOperationId().startsWith(prefix + "_")) {
                        op.setOperationId(prefix + "_" + op.getOperationId());
                    }
                    // A duplicate id breaks generated clients: fail the build rather than publish it.
                    if (!ids.add(String.valueOf(op.getOperationId()))) {
                        throw new IllegalStateException("duplicate OpenAPI operationId " + op.getOperationId() + " at "
                                + method + " " + path + "; name it with @Operation(operationId = ...)");
                    }
                    if (path.startsWith("/api/")) {
                        addErrors(path, method, op);
                    }
                }));
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation op) {
        boolean hasBody = op.getRequestBody() != null;
        boolean hasParams = op.getParameters() != null && !op.getParameters().isEmpty();
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        for (String status : ERRORS.keySet()) {
            boolean applies = switch (status) {
                case "400" -> hasBody || hasParams;
                case "404" -> path.contains("{");
                case "409" -> write;
                case "413", "415", "422" -> hasBody;
                default -> true; // 401, 403, 429, 500: every authenticated, rate-limited operation
            };
            if (applies) {
                // Replaces the bare 400/401/403 the framework adds, which carry no body schema.
                responses.addAPIResponse(
                        status, OASFactory.createAPIResponse().ref("#/components/responses/" + ERRORS.get(status)[0]));
            }
        }
    }

    /**
     * Jackson's JsonNode (a CloudEvent's data, a lead's grounds) is any JSON value. Scanned as a
     * bean it becomes an object schema named JsonNode, which generated clients turn into a class
     * clashing with Jackson's; it is replaced by an inline schema that admits any value.
     */
    private static void inlineJsonNode(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null || !schemas.containsKey("JsonNode")) {
            return;
        }
        api.getComponents().removeSchema("JsonNode");
        api.getComponents().removeSchema("JsonNodeType");
        schemas = api.getComponents().getSchemas();
        if (schemas != null) {
            schemas.values().forEach(ApiContractFilter::inlineJsonNode);
        }
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().values().forEach(op -> {
                        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                            op.getRequestBody()
                                    .getContent()
                                    .getMediaTypes()
                                    .values()
                                    .forEach(m -> m.setSchema(inlineJsonNode(m.getSchema())));
                        }
                        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                            op.getResponses().getAPIResponses().values().forEach(r -> {
                                if (r.getContent() != null) {
                                    r.getContent()
                                            .getMediaTypes()
                                            .values()
                                            .forEach(m -> m.setSchema(inlineJsonNode(m.getSchema())));
                                }
                            });
                        }
                    }));
        }
    }

    private static Schema inlineJsonNode(Schema schema) {
        if (schema == null) {
            return null;
        }
        if ("#/components/schemas/JsonNode".equals(schema.getRef())) {
            return OASFactory.createSchema()
                    .description(schema.getDescription() == null ? "Any JSON value" : schema.getDescription());
        }
        if (schema.getProperties() != null) {
            new LinkedHashMap<>(schema.getProperties())
                    .forEach((name, p) -> schema.addProperty(name, inlineJsonNode(p)));
        }
        schema.setItems(inlineJsonNode(schema.getItems()));
        if (schema.getAllOf() != null) {
            schema.setAllOf(schema.getAllOf().stream()
                    .map(ApiContractFilter::inlineJsonNode)
                    .toList());
        }
        if (schema.getOneOf() != null) {
            schema.setOneOf(schema.getOneOf().stream()
                    .map(ApiContractFilter::inlineJsonNode)
                    .toList());
        }
        if (schema.getAnyOf() != null) {
            schema.setAnyOf(schema.getAnyOf().stream()
                    .map(ApiContractFilter::inlineJsonNode)
                    .toList());
        }
        return schema;
    }

    private static String servicePrefix(OpenAPI api) {
        String name = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.name", String.class)
                .orElseGet(() -> api.getInfo() == null || api.getInfo().getTitle() == null
                        ? "xianjie"
                        : api.getInfo().getTitle().replaceFirst(".* ", ""));
        return name.replaceFirst("-service$", "");
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One violated field")
                .addProperty(
                        "field",
                        string("Path of the field in the request, e.g. `amounts.illegalGains`, or a parameter name"))
                .addProperty("message", string("What is wrong with it"))
                .required(List.of("field", "message"));
    }

    /** RFC 9457 problem details, with the suite's {@code errors} member; other members may follow. */
    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description(
                        "RFC 9457 problem details. `type` identifies the problem (see docs/api.md); on a 400 "
                                + "`errors` names every violated field; a 409 on a state conflict adds `state` and `allowedSteps`.")
                .addProperty(
                        "type",
                        string("URI of the problem type, e.g. https://xianjie.org/problems/invalid-input")
                                .format("uri"))
                .addProperty("title", string("Short summary of the problem type"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.INTEGER))
                                .format("int32")
                                .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("instance", string("The request path"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY))
                                .items(ref(FIELD_ERROR))
                                .description("Every violated field"))
                .required(List.of("type", "title", "status"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }
}
