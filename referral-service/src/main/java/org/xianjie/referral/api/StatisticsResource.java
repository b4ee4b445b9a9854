package org.xianjie.referral.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.xianjie.platform.identity.CurrentCaller;
import org.xianjie.platform.identity.Regions;
import org.xianjie.platform.problem.ProblemException;
import org.xianjie.referral.domain.statistics.StatisticsYear;
import org.xianjie.referral.service.StatisticsService;

/**
 * 年度数据: the year's figures per agency, as the white papers publish them, computed from the
 * record. JSON by default; CSV with {@code format=csv} or {@code Accept: text/csv}.
 */
@Path("/api/v1/statistics")
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class StatisticsResource {

    static final String CSV = "text/csv";

    private final StatisticsService statistics;
    private final CurrentCaller caller;

    public StatisticsResource(StatisticsService statistics, CurrentCaller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(
            operationId = "getReferralStatistics",
            summary = "The year's figures per agency: a procuratorate's region and the regions beneath it, "
                    + "any other agency its own row")
    @APIResponse(
            responseCode = "200",
            description = "One row per agency the caller may read",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = StatisticsView.class)),
                @Content(
                        mediaType = CSV,
                        schema =
                                @Schema(
                                        type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                        example = "agency,region,adminCasesFiled,...\r\nTJ-AMR,120000,4,...\r\n"))
            })
    public Uni<Response> get(
            @Parameter(description = "the calendar year in Asia/Shanghai, e.g. 2026", required = true)
                    @QueryParam("year")
                    String year,
            @Parameter(description = "only this GB/T 2260 region and those beneath it, e.g. 120116")
                    @QueryParam("region")
                    String region,
            @Parameter(description = "only this agency, e.g. TJ-AMR") @QueryParam("agency") String agency,
            @Parameter(description = "csv for a download; default json") @QueryParam("format") String format,
            @Parameter(
                            description = "month: each row also broken down into the twelve months of the year "
                                    + "(JSON: a months array per row; CSV: one line per agency and month)")
                    @QueryParam("by")
                    String by,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        StatisticsYear y = year(year);
        if (region != null && !Regions.isCode(region)) {
            throw ProblemException.badRequest("region", "must be a 6-digit GB/T 2260 region code");
        }
        if (agency != null && (agency.isBlank() || agency.length() > 32)) {
            throw ProblemException.badRequest("agency", "an agency code of at most 32 characters");
        }
        if (by != null && !by.equals("month")) {
            throw ProblemException.badRequest("by", "month, or leave out for the year alone");
        }
        boolean byMonth = by != null;
        boolean csv = csv(format, accept);
        return statistics
                .rows(caller.get(), y, region, agency)
                .map(rows -> csv
                        ? Response.ok(
                                        byMonth ? StatisticsCsv.byMonth(rows) : StatisticsCsv.of(rows),
                                        CSV + "; charset=UTF-8")
                                .header(
                                        "Content-Disposition",
                                        "attachment; filename=\"statistics-" + y.year() + (byMonth ? "-by-month" : "")
                                                + ".csv\"")
                                .build()
                        : Response.ok(
                                        new StatisticsView(
                                                y.year(),
                                                rows.stream()
                                                        .map(r -> StatisticsRowView.of(r, byMonth))
                                                        .toList()),
                                        MediaType.APPLICATION_JSON)
                                .build());
    }

    private static StatisticsYear year(String year) {
        if (year == null) {
            throw ProblemException.badRequest("year", "required, e.g. 2026");
        }
        try {
            return StatisticsYear.of(Integer.parseInt(year));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(
                    "year", "a year between " + StatisticsYear.FIRST + " and " + StatisticsYear.LAST);
        }
    }

    private static boolean csv(String format, String accept) {
        if (format != null) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.badRequest("format", "csv or json");
            };
        }
        return accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
    }
}
