package org.xianjie.referral.service.sharing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.xianjie.events.SharingEventTypes;
import org.xianjie.platform.identity.AgencyDirectory;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.identity.Regions;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.sharing.SharingKind;
import org.xianjie.referral.domain.sharing.SharingLimits;
import org.xianjie.referral.domain.time.DeadlineClock;
import org.xianjie.referral.persistence.sharing.SharingDeadlineRecord;
import org.xianjie.referral.persistence.sharing.SharingItemRecord;
import org.xianjie.referral.persistence.sharing.TaskRecord;

/**
 * Joint meetings (联席会议): an agency convenes the agencies of a region (its own or one beneath) with
 * an agenda of cases and clues; the convener records the minutes, the decisions and follow-up tasks
 * assigned to agencies with a due date each. A task's deadline is reminded and, if missed, breaches
 * once, like a statutory limit; its assignee reports it done.
 */
@ApplicationScoped
public class MeetingService {

    public static final String STATE_CONVENED = "CONVENED";
    public static final String STATE_MINUTED = "MINUTED";

    private final SharedItems shared;
    private final AgencyDirectory directory;
    private final ObjectMapper mapper;

    public MeetingService(SharedItems shared, AgencyDirectory directory, ObjectMapper mapper) {
        this.shared = shared;
        this.directory = directory;
        this.mapper = mapper;
    }

    public record Convene(
            String title,
            String region,
            List<String> participants,
            List<UUID> agendaCases,
            List<UUID> agendaClues,
            List<String> agendaItems,
            OffsetDateTime occurredAt) {}

    public record Task(String assignee, String description, LocalDate dueOn) {}

    public record Minutes(String minutes, List<String> decisions, List<Task> tasks, OffsetDateTime occurredAt) {}

    public Uni<SharedItem> convene(Caller caller, Convene request) {
        SharedItems.ActTime time = shared.actTime(caller, request.occurredAt(), null);
        if (!Regions.isWithin(caller.region(), request.region())) {
            throw ProblemException.badRequest(
                    "region", "a meeting is convened for the convener's region or one beneath it");
        }
        Set<String> participants = new LinkedHashSet<>();
        for (int i = 0; i < request.participants().size(); i++) {
            String code = request.participants().get(i);
            if (directory.find(code).isEmpty()) {
                throw ProblemException.badRequest("participants[" + i + "]", "no agency " + code + " in the directory");
            }
            participants.add(code);
        }
        participants.remove(caller.agencyCode());
        if (participants.isEmpty()) {
            throw ProblemException.badRequest("participants", "name at least one other agency");
        }
        ObjectNode content = mapper.createObjectNode();
        ObjectNode agenda = content.putObject("agenda");
        agenda.set("cases", mapper.valueToTree(request.agendaCases() == null ? List.of() : request.agendaCases()));
        agenda.set("clues", mapper.valueToTree(request.agendaClues() == null ? List.of() : request.agendaClues()));
        agenda.set("items", mapper.valueToTree(request.agendaItems() == null ? List.of() : request.agendaItems()));
        SharingItemRecord item = new SharingItemRecord();
        item.kind = SharingKind.MEETING;
        item.region = request.region();
        item.title = request.title().strip();
        item.content = content.toString();
        item.state = STATE_CONVENED;
        return shared.create(
                caller, item, List.copyOf(participants), time, SharingEventTypes.MEETING_CONVENED, List.of());
    }

    /** The convener's minutes: what was said, what was decided, and who does what by when. */
    public Uni<SharedItem> recordMinutes(Caller caller, UUID id, Minutes request) {
        List<Task> tasks = request.tasks() == null ? List.of() : request.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            if (directory.find(tasks.get(i).assignee()).isEmpty()) {
                throw ProblemException.badRequest(
                        "tasks[" + i + "].assignee", "no agency " + tasks.get(i).assignee() + " in the directory");
            }
        }
        return shared.act(caller, id, SharingKind.MEETING, request.occurredAt(), "MINUTES", request.minutes(), act -> {
            if (!act.isSender()) {
                throw ProblemException.forbidden("the minutes are recorded by the convener");
            }
            if (!STATE_CONVENED.equals(act.item.state)) {
                throw ProblemException.stateConflict("the minutes are already recorded", act.item.state, List.of());
            }
            LocalDate meetingDay =
                    act.time.occurredAt().atZone(DeadlineClock.CHINA).toLocalDate();
            for (int i = 0; i < tasks.size(); i++) {
                if (tasks.get(i).dueOn().isBefore(meetingDay)) {
                    throw ProblemException.badRequest(
                            "tasks[" + i + "].dueOn", "must not be before the meeting (" + meetingDay + ")");
                }
            }
            ObjectNode content = (ObjectNode) readContent(act.item.content);
            content.put("minutes", request.minutes());
            content.set("decisions", mapper.valueToTree(request.decisions() == null ? List.of() : request.decisions()));
            act.item.content = content.toString();
            act.item.state = STATE_MINUTED;
            act.announce(SharedItems.Announcement.of(SharingEventTypes.MEETING_MINUTES_RECORDED, "MINUTES", null));
            for (Task t : tasks) {
                if (!act.addresseeCodes().contains(t.assignee())
                        && !t.assignee().equals(act.item.senderAgency)) {
                    shared.addAddressee(act, t.assignee(), null);
                }
                TaskRecord task =
                        shared.addTask(act, t.assignee(), t.description().strip(), t.dueOn());
                SharingDeadlineRecord limit = shared.open(
                        act, new SharedItems.LimitToOpen(SharingLimits.MEETING_TASK, t.assignee(), task.id, t.dueOn()));
                act.announce(new SharedItems.Announcement(
                        SharingEventTypes.MEETING_TASK_ASSIGNED,
                        "TASK_ASSIGNED",
                        task.description,
                        List.of(),
                        limit,
                        task.id));
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** The assignee reports its task done, with the result; the task's deadline is met. */
    public Uni<SharedItem> taskDone(Caller caller, UUID id, UUID taskId, String result, OffsetDateTime occurredAt) {
        return shared.act(caller, id, SharingKind.MEETING, occurredAt, "TASK_DONE", result, act -> {
            TaskRecord task = act.tasks.stream()
                    .filter(t -> t.id.equals(taskId))
                    .findFirst()
                    .orElseThrow(() -> ProblemException.notFound("task", taskId));
            if (!task.assignee.equals(caller.agencyCode())) {
                throw ProblemException.forbidden("a task is reported done by its assignee");
            }
            if (TaskRecord.DONE.equals(task.state)) {
                throw ProblemException.stateConflict("the task is already done", task.state, List.of());
            }
            task.state = TaskRecord.DONE;
            task.result = result;
            task.doneAt = act.time.occurred();
            shared.close(act, SharingLimits.MEETING_TASK, caller.agencyCode(), taskId);
            act.announce(new SharedItems.Announcement(
                    SharingEventTypes.MEETING_TASK_DONE, "TASK_DONE", null, List.of(), null, taskId));
            return Uni.createFrom().voidItem();
        });
    }

    private com.fasterxml.jackson.databind.JsonNode readContent(String json) {
        try {
            return mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored meeting content is not JSON", e);
        }
    }
}
