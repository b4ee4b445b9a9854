package org.xianjie.localinfra;

import java.util.Map;

/** Reads a sample from a /q/metrics page (Prometheus text format), as an operator's query would. */
public final class PrometheusText {

    private PrometheusText() {}

    /**
     * The sum of the samples of {@code metric} whose labels include {@code labels} (0 when there is
     * none yet: a counter appears at its first increment).
     */
    public static double value(String page, String metric, Map<String, String> labels) {
        double sum = 0;
        for (String line : page.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(metric + "{") || line.startsWith(metric + " "))) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            boolean matches =
                    labels.entrySet().stream().allMatch(l -> series.contains(l.getKey() + "=\"" + l.getValue() + "\""));
            if (matches) {
                sum += Double.parseDouble(line.substring(space + 1));
            }
        }
        return sum;
    }
}
