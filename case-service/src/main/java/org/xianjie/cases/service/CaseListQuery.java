package org.xianjie.cases.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xianjie.cases.domain.CaseState;
import org.xianjie.events.CaseCategory;
import org.xianjie.platform.problem.Problem;
import org.xianjie.platform.problem.ProblemException;

/**
 * The filters of a listing, parsed from query parameters here (not by JAX-RS, which would answer
 * a bad value with 404) so that each bad parameter is named in a 400.
 */
public record CaseListQuery(
        CaseState state,
        CaseCategory category,
        String region,
        LocalDate openedFrom,
        LocalDate openedTo,
        String text,
        CaseCursor cursor,
        int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static CaseListQuery parse(
            String state,
            String category,
            String region,
            String openedFrom,
            String openedTo,
            String text,
            String cursor,
            String limit) {
        List<Problem.FieldError> errors = new ArrayList<>();
        CaseState s = parseEnum(CaseState.class, "state", state, errors);
        CaseCategory c = parseEnum(CaseCategory.class, "category", category, errors);
        if (region != null && !region.matches("\\d{6}")) {
            errors.add(new Problem.FieldError("region", "must be a 6-digit GB/T 2260 region code"));
        }
        LocalDate from = parseDate("openedFrom", openedFrom, errors);
        LocalDate to = parseDate("openedTo", openedTo, errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new Problem.FieldError("openedFrom", "must not be after openedTo"));
        }
        if (text != null && text.length() > 200) {
            errors.add(new Problem.FieldError("q", "must be at most 200 characters"));
        }
        int n = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit);
                if (n < 1 || n > MAX_LIMIT) {
                    errors.add(new Problem.FieldError("limit", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                errors.add(new Problem.FieldError("limit", "must be a whole number between 1 and " + MAX_LIMIT));
            }
        }
        CaseCursor after = null;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                after = CaseCursor.decode(cursor);
            } catch (ProblemException e) {
                errors.add(new Problem.FieldError("cursor", "not a cursor this service issued"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new CaseListQuery(s, c, region, from, to, text == null || text.isBlank() ? null : text.trim(), after, n);
    }

    private static <E extends Enum<E>> E parseEnum(
            Class<E> type, String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static LocalDate parseDate(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a date (yyyy-MM-dd)"));
            return null;
        }
    }
}
