package org.xianjie.referral.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.xianjie.platform.identity.Caller;
import org.xianjie.platform.identity.CurrentCaller;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.RuleDataException;
import org.xianjie.referral.domain.time.WorkingCalendarParser;
import org.xianjie.referral.domain.time.YearCalendar;
import org.xianjie.referral.service.CalendarService;

/**
 * The working calendar (工作日历) operators maintain: the State Council publishes each November
 * the next year's holidays and make-up working days; a platform operator stores them here, no release needed.
 */
@Path("/api/v1/admin/calendar")
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class CalendarResource {

    private final CalendarService calendar;
    private final CurrentCaller caller;
    private final ObjectMapper mapper;

    public CalendarResource(CalendarService calendar, CurrentCaller caller, ObjectMapper mapper) {
        this.calendar = calendar;
        this.caller = caller;
        this.mapper = mapper;
    }

    /** One year of the calendar. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record YearView(
            int year,
            Set<LocalDate> restDays,
            Set<LocalDate> makeUpWorkingDays,

            @Schema(
                    description = "On a PUT: how many recorded acts were judged again for entry "
                            + "lateness with this year's calendar")
            Integer actsRejudged) {
        static YearView of(YearCalendar y) {
            return new YearView(y.year(), y.restDays(), y.makeUpWorkingDays(), null);
        }

        static YearView of(CalendarService.Published p) {
            return new YearView(p.year().year(), p.year().restDays(), p.year().makeUpWorkingDays(), p.actsRejudged());
        }
    }

    /** The body of a PUT (documentation only: the service parses it with the rule-file parser). */
    @Schema(name = "CalendarYearInput")
    public record YearInput(
            @Schema(description = "The year; optional, must equal the path's")
            Integer year,

            @Schema(
                    type = SchemaType.ARRAY,
                    required = true,
                    description = "Rest days: dates (YYYY-MM-DD) or ranges {\"from\": date, \"to\": date}")
            List<Object> restDays,

            @Schema(description = "Weekend days that are working days")
            List<LocalDate> makeUpWorkingDays) {}

    @GET
    @Operation(operationId = "listCalendarYears", summary = "The years the working calendar covers")
    public List<YearView> years() {
        caller.get();
        return calendar.calendar().coveredYears().stream()
                .map(y -> YearView.of(calendar.calendar().year(y).orElseThrow()))
                .toList();
    }

    @PUT
    @Path("/{year}")
    @Operation(operationId = "putCalendarYear", summary = "Add or replace one year (role platform-operator)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = YearInput.class),
                            examples = @ExampleObject(name = "2027", value = """
            {"restDays": ["2027-01-01", {"from": "2027-02-06", "to": "2027-02-12"}],
             "makeUpWorkingDays": ["2027-02-14"]}""")))
    public Uni<YearView> put(@PathParam("year") int year, JsonNode body) {
        Caller c = caller.get();
        // The calendar moves every agency's deadlines: a suite-wide setting, not an agency admin's.
        if (!c.isPlatformOperator()) {
            throw ProblemException.forbidden("only a platform operator (role " + Caller.ROLE_PLATFORM_OPERATOR
                    + ") maintains the working calendar");
        }
        if (year < 2000 || year > 2100) {
            throw ProblemException.badRequest("year", "must be between 2000 and 2100");
        }
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("body", "expected {\"restDays\": [...], \"makeUpWorkingDays\": [...]}");
        }
        ObjectNode entry = ((ObjectNode) body).deepCopy();
        if (entry.has("year") && entry.get("year").asInt() != year) {
            throw ProblemException.badRequest("year", "the body's year differs from the path's " + year);
        }
        entry.put("year", year);
        YearCalendar parsed;
        try {
            byte[] json = mapper.writeValueAsString(List.of(entry)).getBytes(StandardCharsets.UTF_8);
            parsed = WorkingCalendarParser.parse(new ByteArrayInputStream(json)).get(0);
        } catch (RuleDataException e) {
            throw ProblemException.badRequest("body", e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.badRequest("body", "not valid JSON");
        }
        return calendar.putYear(parsed, c.user() + "@" + c.agencyCode()).map(YearView::of);
    }
}
