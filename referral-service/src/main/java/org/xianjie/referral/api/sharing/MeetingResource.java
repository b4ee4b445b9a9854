package org.xianjie.referral.api.sharing;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.xianjie.platform.idempotency.IdempotencyStore;
import org.xianjie.referral.domain.sharing.SharingKind;
import org.xianjie.referral.service.sharing.MeetingService;

/** 联席会议: convene, record minutes, decisions and follow-up tasks, report tasks done. */
@Path("/api/v1/meetings")
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class MeetingResource {

    private final MeetingService meetings;
    private final SharingWrites writes;

    public MeetingResource(MeetingService meetings, SharingWrites writes) {
        this.meetings = meetings;
        this.writes = writes;
    }

    @POST
    @Operation(
            operationId = "conveneMeeting",
            summary =
                    "Convene a joint meeting for the caller's region (or one beneath it) with participants and an agenda")
    @APIResponse(
            responseCode = "201",
            description = "The meeting convened",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> convene(
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key, @Valid @NotNull MeetingRequest r) {
        return writes.create(
                key,
                "/api/v1/meetings",
                r,
                c -> meetings.convene(
                        c,
                        new MeetingService.Convene(
                                r.title(),
                                r.region(),
                                r.participants(),
                                r.agendaCases(),
                                r.agendaClues(),
                                r.agendaItems(),
                                r.occurredAt())));
    }

    @GET
    @Operation(operationId = "listMeetings", summary = "Meetings the caller convened or takes part in, newest first")
    public Uni<List<SharingView.Summary>> list() {
        return writes.list(SharingKind.MEETING);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getMeeting",
            summary =
                    "A meeting with its agenda, minutes, decisions, tasks and their deadlines (convener and participants only)")
    public Uni<SharingView> get(@PathParam("id") UUID id) {
        return writes.find(id, SharingKind.MEETING);
    }

    @POST
    @Path("/{id}/minutes")
    @Operation(
            operationId = "recordMeetingMinutes",
            summary =
                    "The convener records the minutes, decisions and follow-up tasks (each with an assignee and a due date)")
    @APIResponse(
            responseCode = "200",
            description = "The meeting with its minutes and tasks",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> minutes(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key,
            @Valid @NotNull MinutesRequest r) {
        List<MeetingService.Task> tasks = r.tasks() == null
                ? List.of()
                : r.tasks().stream()
                        .map(t -> new MeetingService.Task(t.assignee(), t.description(), t.dueOn()))
                        .toList();
        return writes.act(
                key,
                "/api/v1/meetings/" + id + "/minutes",
                r,
                c -> meetings.recordMinutes(
                        c, id, new MeetingService.Minutes(r.minutes(), r.decisions(), tasks, r.occurredAt())));
    }

    @POST
    @Path("/{id}/tasks/{taskId}/done")
    @Operation(
            operationId = "completeMeetingTask",
            summary = "The assignee reports a follow-up task done, with its result")
    @APIResponse(
            responseCode = "200",
            description = "The meeting after the task",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SharingView.class)))
    public Uni<Response> done(
            @PathParam("id") UUID id,
            @PathParam("taskId") UUID taskId,
            @HeaderParam(IdempotencyStore.KEY_HEADER) String key,
            @Valid @NotNull ActRequest r) {
        return writes.actWithText(
                key,
                "/api/v1/meetings/" + id + "/tasks/" + taskId + "/done",
                r,
                (c, text) -> meetings.taskDone(c, id, taskId, text, r.occurredAt()));
    }
}
