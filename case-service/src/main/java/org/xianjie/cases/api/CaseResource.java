package org.xianjie.cases.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.xianjie.cases.service.CaseService;
import org.xianjie.platform.identity.CurrentCaller;

import java.util.UUID;

/** Administrative cases: the front door for agency systems. */
@Path("/api/v1/cases")
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class CaseResource {

    private final CaseService cases;
    private final CurrentCaller caller;

    public CaseResource(CaseService cases, CurrentCaller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(201)
    public Uni<CaseView> open(@Valid @NotNull OpenCaseRequest request) {
        return cases.open(caller.get(), request).map(CaseView::of);
    }

    @GET
    @Path("/{id}")
    public Uni<CaseView> get(@PathParam("id") UUID id) {
        return cases.find(caller.get(), id).map(CaseView::of);
    }
}
