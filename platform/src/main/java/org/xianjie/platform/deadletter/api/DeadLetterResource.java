package org.xianjie.platform.deadletter.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xianjie.platform.deadletter.DeadLetter;
import org.xianjie.platform.deadletter.DeadLetters;
import org.xianjie.platform.problem.ProblemException;

/**
 * This service's dead letters, for operators: list them, and replay them to their original topics
 * after the cause was fixed. Every service has its own, for its own dead-letter topic. The role is
 * the suite-wide operator's, not an agency's: dead letters carry any agency's events.
 */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(DeadLetterResource.OPERATOR)
@Tag(name = "Dead letters", description = "Records this service could never process; role platform-operator")
public class DeadLetterResource {

    public static final String OPERATOR = "platform-operator";
    private static final int MAX_LIMIT = 1000;

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    public record Listing(String topic, int count, List<DeadLetter> deadLetters) {}

    public record Replay(String topic, int replayed, List<DeadLetter> deadLetters) {}

    @GET
    @Operation(
            summary = "List dead letters",
            description = "Oldest first; only those not yet replayed unless all=true.")
    public Listing list(
            @QueryParam("all") @DefaultValue("false") boolean all,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        List<DeadLetter> list = deadLetters.list(all, checked(limit));
        return new Listing(deadLetters.topic(), list.size(), list);
    }

    @POST
    @Path("/replay")
    @Operation(
            summary = "Replay dead letters",
            description =
                    "Re-publishes every record not yet replayed to its "
                            + "original topic (key, value, headers) and marks it replayed; consumers dedupe on CloudEvent source + id.")
    public Replay replay(@QueryParam("limit") @DefaultValue("1000") int limit) {
        List<DeadLetter> replayed = deadLetters.replay(checked(limit));
        return new Replay(deadLetters.topic(), replayed.size(), replayed);
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
