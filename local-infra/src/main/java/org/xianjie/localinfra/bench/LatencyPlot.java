package org.xianjie.localinfra.bench;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Latency (p50 dashed, p99 solid, log scale) against offered rate, as a self-contained SVG. */
final class LatencyPlot {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
    private static final int W = 720;
    private static final int H = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 230;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private LatencyPlot() {}

    static String svg(Map<String, Map<Double, Histogram>> series) {
        double maxRate = 1;
        double maxMs = 10;
        for (Map<Double, Histogram> points : series.values()) {
            for (Map.Entry<Double, Histogram> p : points.entrySet()) {
                maxRate = Math.max(maxRate, p.getKey());
                maxMs = Math.max(maxMs, p.getValue().getValueAtPercentile(99) / 1000.0);
            }
        }
        double logMax = Math.ceil(Math.log10(maxMs));
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(W)
                .append("\" height=\"")
                .append(H)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"")
                .append(LEFT)
                .append("\" y=\"22\" font-size=\"14\">Latency against offered rate "
                        + "(p99 solid, p50 dashed)</text>\n");
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        for (int decade = 0; decade <= logMax; decade++) {
            double y = TOP + plotH - plotH * decade / logMax;
            s.append(line(LEFT, y, LEFT + plotW, y, "#ddd", false));
            s.append("<text x=\"")
                    .append(LEFT - 8)
                    .append("\" y=\"")
                    .append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(label(Math.pow(10, decade)))
                    .append("</text>\n");
        }
        for (int tick = 0; tick <= 5; tick++) {
            double rate = maxRate * tick / 5;
            double x = LEFT + plotW * tick / 5.0;
            s.append(line(x, TOP, x, TOP + plotH, "#eee", false));
            s.append("<text x=\"")
                    .append(fmt(x))
                    .append("\" y=\"")
                    .append(TOP + plotH + 18)
                    .append("\" text-anchor=\"middle\">")
                    .append(Math.round(rate))
                    .append("</text>\n");
        }
        s.append("<text x=\"")
                .append(LEFT + plotW / 2)
                .append("\" y=\"")
                .append(H - 12)
                .append("\" text-anchor=\"middle\">offered rate (per second)</text>\n");
        s.append("<text transform=\"translate(16,")
                .append(TOP + plotH / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">latency (ms, log)</text>\n");
        s.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#333", false));
        s.append(line(LEFT, TOP, LEFT, TOP + plotH, "#333", false));
        int index = 0;
        for (Map.Entry<String, Map<Double, Histogram>> entry : series.entrySet()) {
            String colour = COLOURS[index % COLOURS.length];
            for (double percentile : List.of(99.0, 50.0)) {
                StringBuilder points = new StringBuilder();
                for (Map.Entry<Double, Histogram> p : entry.getValue().entrySet()) {
                    double ms = Math.max(1, p.getValue().getValueAtPercentile(percentile) / 1000.0);
                    double x = LEFT + plotW * p.getKey() / maxRate;
                    double y = TOP + plotH - plotH * Math.log10(ms) / logMax;
                    points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
                    s.append("<circle cx=\"")
                            .append(fmt(x))
                            .append("\" cy=\"")
                            .append(fmt(y))
                            .append("\" r=\"3\" fill=\"")
                            .append(colour)
                            .append("\"/>\n");
                }
                s.append("<polyline fill=\"none\" stroke=\"")
                        .append(colour)
                        .append("\" stroke-width=\"2\"")
                        .append(percentile == 50.0 ? " stroke-dasharray=\"5,4\"" : "")
                        .append(" points=\"")
                        .append(points.toString().trim())
                        .append("\"/>\n");
            }
            int ly = TOP + 10 + index * 22;
            s.append(line(W - RIGHT + 15, ly, W - RIGHT + 40, ly, colour, false));
            s.append("<text x=\"")
                    .append(W - RIGHT + 46)
                    .append("\" y=\"")
                    .append(ly + 4)
                    .append("\">")
                    .append(escape(entry.getKey()))
                    .append("</text>\n");
            index++;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, boolean dashed) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
                + "\" stroke=\"" + colour + "\"" + (dashed ? " stroke-dasharray=\"4,4\"" : "") + "/>\n";
    }

    private static String label(double ms) {
        return ms >= 1000 ? Math.round(ms / 1000) + " s" : Math.round(ms) + " ms";
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
