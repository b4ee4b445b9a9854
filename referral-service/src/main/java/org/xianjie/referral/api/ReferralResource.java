package org.xianjie.referral.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.xianjie.platform.idempotency.IdempotencyStore;
import org.xianjie.platform.idempotency.IdempotentResponse;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.identity.CurrentCaller;
import org.xianjie.platform.integrity.api.ChainIntegrityView;
import org.xianjie.platform.integrity.api.DeliveryEvidenceView;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.process.ReferralState;
import org.xianjie.referral.domain.process.ReferralStep;
import org.xianjie.referral.persistence.ReferralRepository;
import org.xianjie.referral.service.ReferralService;
import org.xianjie.referral.service.ReferralSummary;
import org.xianjie.referral.service.ReferralView;
import org.xianjie.referral.service.StartReferralRequest;
import org.xianjie.referral.service.StepRequest;

/** The referral process (移送程序): open a referral, take its steps, read where it stands. */
@Path("/api/v1/referrals")
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class ReferralResource {

    private static final int MAX_PAGE_SIZE = 200;

    private final ReferralService referrals;
    private final CurrentCaller caller;
    private final IdempotencyStore idempotency;
    private final ObjectMapper mapper;

    public ReferralResource(
            ReferralService referrals, CurrentCaller caller, IdempotencyStore idempotency, ObjectMapper mapper) {
        this.referrals = referrals;
        this.caller = caller;
        this.idempotency = idempotency;
        this.mapper = mapper;
    }

    @POST
    @Operation(
            operationId = "startReferral",
            summary = "Open a referral: the case team's report (移送报告), or a non-prosecution for a reverse referral")
    @APIResponse(
            responseCode = "201",
            description = "The referral opened",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralView.class)))
    public Uni<Response> start(
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key, @Valid @NotNull StartReferralRequest request) {
        Caller c = caller.get();
        return idempotent(c, key, "/api/v1/referrals", request, 201, () -> referrals.start(c, request));
    }

    @POST
    @Path("/{id}/steps/{step}")
    @Operation(
            operationId = "takeReferralStep",
            summary = "Take a step of the process (e.g. APPROVE, SEND, RECEIVE, FILE, DECLINE)")
    @APIResponse(
            responseCode = "200",
            description = "The referral after the step",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralView.class)))
    public Uni<Response> step(
            @PathParam("id") UUID id,
            @PathParam("step") String stepName,
            @Parameter(description = "the version the step applies to, as \"3\"") @HeaderParam("If-Match")
                    String ifMatch,
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key,
            @Valid StepRequest request) {
        Caller c = caller.get();
        ReferralStep step = parseEnum(ReferralStep.class, "step", stepName);
        Long version = ifMatch(ifMatch);
        return idempotent(
                c,
                key,
                "/api/v1/referrals/" + id + "/steps/" + step,
                request,
                200,
                () -> referrals.step(c, id, step, request, version));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getReferral",
            summary = "A referral: state, parties, allowed steps for the caller, open deadlines, history")
    public Uni<ReferralView> get(@PathParam("id") UUID id) {
        return referrals.find(caller.get(), id);
    }

    @GET
    @Path("/{id}/integrity")
    @Operation(
            operationId = "verifyReferralIntegrity",
            summary = "Verify the tamper-evident record of the referral's "
                    + "case in referral-service (hash chain and latest signed checkpoint); BROKEN names the first entry that "
                    + "does not verify")
    @APIResponse(
            responseCode = "200",
            description = "The verification",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChainIntegrityView.class)))
    public Uni<ChainIntegrityView> integrity(@PathParam("id") UUID id) {
        return referrals.integrity(caller.get(), id).map(ChainIntegrityView::of);
    }

    @GET
    @Path("/{id}/evidences")
    @Operation(
            operationId = "listReferralDeliveryEvidences",
            summary = "Signed evidences of delivery (送达证据) of "
                    + "the referral: accepted by the suite (SEND), retrieved by a person of the police (RECEIVE); each verifies "
                    + "with referral-service's public key")
    @APIResponse(
            responseCode = "200",
            description = "The evidences, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            implementation = DeliveryEvidenceView.class,
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .ARRAY)))
    public Uni<List<DeliveryEvidenceView>> evidences(@PathParam("id") UUID id) {
        return referrals
                .evidences(caller.get(), id)
                .map(list -> list.stream().map(DeliveryEvidenceView::of).toList());
    }

    @GET
    @Operation(
            operationId = "listReferrals",
            summary =
                    "Referrals the caller is party to (a procuratorate: all of its region and the regions beneath it)")
    public Uni<List<ReferralSummary>> list(
            @QueryParam("state") String state,
            @QueryParam("overdue") String overdue,
            @QueryParam("agency") String agency,
            @QueryParam("region") String region,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        ReferralState s = state == null ? null : parseEnum(ReferralState.class, "state", state);
        return referrals.list(
                caller.get(),
                new ReferralRepository.ListFilter(s, bool("overdue", overdue), agency, region, page, size));
    }

    private <T> Uni<Response> idempotent(
            Caller c, String key, String path, Object body, int status, Supplier<Uni<T>> effect) {
        String validKey = IdempotencyStore.validKey(IdempotencyStore.KEY_HEADER, key);
        String hash = IdempotencyStore.hash("POST", path, json(body));
        return idempotency
                .execute(
                        c.agencyCode(),
                        validKey,
                        hash,
                        () -> effect.get().map(result -> IdempotentResponse.of(status, json(result))))
                .map(IdempotentResponse::toResponse);
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(
                    field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Boolean bool(String field, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(field, "must be true or false");
        };
    }

    private static Long ifMatch(String header) {
        if (header == null) {
            return null;
        }
        String v = header.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match", "must be the referral's version, e.g. \"3\"");
        }
    }

    private String json(Object value) {
        try {
            return value == null ? "" : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
