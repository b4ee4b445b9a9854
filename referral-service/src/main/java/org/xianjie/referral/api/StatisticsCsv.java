package org.xianjie.referral.api;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.xianjie.referral.domain.statistics.Figure;
import org.xianjie.referral.domain.statistics.StatisticsMonth;
import org.xianjie.referral.domain.statistics.StatisticsRow;

/**
 * The table as CSV (RFC 4180, CRLF): a header of the JSON field names, then one line per agency, or
 * with {@link #byMonth} one line per agency and month (a {@code month} column, yyyy-MM, after
 * {@code region}).
 */
final class StatisticsCsv {

    private StatisticsCsv() {}

    static String of(List<StatisticsRow> rows) {
        StringBuilder out = new StringBuilder();
        out.append(Stream.concat(
                                Stream.of("agency", "region"),
                                Stream.of(Figure.values()).map(Figure::column))
                        .collect(Collectors.joining(",")))
                .append("\r\n");
        for (StatisticsRow r : rows) {
            out.append(cell(r.agency())).append(',').append(cell(r.region()));
            for (Figure f : Figure.values()) {
                out.append(',').append(r.get(f).toPlainString());
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static String byMonth(List<StatisticsRow> rows) {
        StringBuilder out = new StringBuilder();
        out.append(Stream.concat(
                                Stream.of("agency", "region", "month"),
                                Stream.of(Figure.values()).map(Figure::column))
                        .collect(Collectors.joining(",")))
                .append("\r\n");
        for (StatisticsRow r : rows) {
            for (StatisticsMonth m : r.months()) {
                out.append(cell(r.agency()))
                        .append(',')
                        .append(cell(r.region()))
                        .append(',')
                        .append(m.month());
                for (Figure f : Figure.values()) {
                    out.append(',').append(m.get(f).toPlainString());
                }
                out.append("\r\n");
            }
        }
        return out.toString();
    }

    /** Agency codes and regions are plain, but quote anyway should one carry a comma or quote. */
    private static String cell(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
