package org.xianjie.referral.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.xianjie.platform.identity.CurrentCaller;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.time.DeadlineClock;
import org.xianjie.referral.service.DataQualityService;

/** The procuratorate's view of how promptly agencies enter their acts (late and selective entry). */
@Path("/api/v1/data-quality")
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class DataQualityResource {

    private static final int MAX_DAYS = 366;

    private final DataQualityService service;
    private final CurrentCaller caller;
    private final Clock clock;

    public DataQualityResource(DataQualityService service, CurrentCaller caller, Clock clock) {
        this.service = service;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(
            summary = "Entry delays of the acts of the caller's region: share entered late per agency, "
                    + "worst cases, penalty decisions entered long after their date (procuratorates only)")
    public Uni<DataQualityService.Report> get(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("agency") String agency) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), DeadlineClock.CHINA);
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(29));
        if (start.isAfter(end)) {
            throw ProblemException.badRequest("from", "must not be after 'to' (" + end + ")");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ProblemException.badRequest("from", "the period is at most " + MAX_DAYS + " days");
        }
        if (agency != null && (agency.isBlank() || agency.length() > 32)) {
            throw ProblemException.badRequest("agency", "must be an agency code of 1 to 32 characters");
        }
        return service.report(caller.get(), start, end, agency);
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a date like 2026-03-01");
        }
    }
}
