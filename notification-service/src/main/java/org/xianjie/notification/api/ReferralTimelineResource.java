package org.xianjie.notification.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xianjie.notification.persistence.ReferralViewStore;
import org.xianjie.notification.persistence.TimelineView;
import org.xianjie.platform.identity.CurrentCaller;
import org.xianjie.platform.problem.ProblemException;

/** A referral's timeline for its parties, as the console shows it (kept from the consumed events). */
@Path("/api/v1/referrals")
@Authenticated
@Tag(name = "Referral timeline")
public class ReferralTimelineResource {

    private final ReferralViewStore referrals;
    private final CurrentCaller caller;

    public ReferralTimelineResource(ReferralViewStore referrals, CurrentCaller caller) {
        this.referrals = referrals;
        this.caller = caller;
    }

    @GET
    @Path("/{id}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getReferralTimeline",
            summary = "Steps so far and open deadlines of a referral the caller's agency is party to")
    public Uni<TimelineView> timeline(@PathParam("id") UUID id) {
        return referrals
                .timeline(id, caller.get().agencyCode(), OffsetDateTime.now(ZoneOffset.UTC))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("referral", id)));
    }
}
