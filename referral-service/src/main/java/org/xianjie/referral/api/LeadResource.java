package org.xianjie.referral.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.xianjie.platform.identity.CurrentCaller;
import org.xianjie.referral.persistence.LeadRecord;
import org.xianjie.referral.service.LeadService;

/** Supervision leads for the procuratorate: list, dismiss with reasons, or turn into filing supervision. */
@Path("/api/v1/leads")
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class LeadResource {

    private final LeadService leads;
    private final CurrentCaller caller;
    private final ObjectMapper mapper;

    public LeadResource(LeadService leads, CurrentCaller caller, ObjectMapper mapper) {
        this.leads = leads;
        this.caller = caller;
        this.mapper = mapper;
    }

    @GET
    @Operation(
            operationId = "listLeads",
            summary = "The leads of the caller's (a procuratorate's) region and the regions beneath it, newest first")
    public Uni<List<LeadView>> list(@QueryParam("state") String state) {
        LeadRecord.State s = state == null ? null : ReferralResource.parseEnum(LeadRecord.State.class, "state", state);
        return leads.list(caller.get(), s)
                .map(list -> list.stream().map(this::view).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getLead")
    public Uni<LeadView> get(@PathParam("id") UUID id) {
        return leads.find(caller.get(), id).map(this::view);
    }

    @POST
    @Path("/{id}/dismiss")
    @Operation(operationId = "dismissLead", summary = "Dismiss a lead with reasons")
    public Uni<LeadView> dismiss(@PathParam("id") UUID id, @Valid @NotNull LeadDecisionRequest request) {
        return leads.decide(caller.get(), id, LeadRecord.State.DISMISSED, request.reason())
                .map(this::view);
    }

    @POST
    @Path("/{id}/escalate")
    @Operation(operationId = "escalateLead", summary = "Turn a lead into filing supervision (立案监督)")
    public Uni<LeadView> escalate(@PathParam("id") UUID id, @Valid @NotNull LeadDecisionRequest request) {
        return leads.decide(caller.get(), id, LeadRecord.State.ESCALATED, request.reason())
                .map(this::view);
    }

    private LeadView view(LeadRecord lead) {
        try {
            return LeadView.of(lead, mapper.readTree(lead.grounds));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored lead grounds are not valid JSON", e);
        }
    }
}
