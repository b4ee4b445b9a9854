package org.xianjie.localinfra.bench;

/**
 * One measured figure beside its limit. The ratio reads the same way for every figure: 1.00 or
 * more meets the limit (limit / measured for a ceiling, measured / limit for a floor). A figure
 * without a limit (the raw broker and database) is a reference the others are judged against.
 */
record Figure(String name, double measured, String unit, Double limit, boolean floor, String load) {

    static Figure ceiling(String name, double measured, String unit, double limit, String load) {
        return new Figure(name, measured, unit, limit, false, load);
    }

    static Figure floor(String name, double measured, String unit, double limit, String load) {
        return new Figure(name, measured, unit, limit, true, load);
    }

    static Figure reference(String name, double measured, String unit, String load) {
        return new Figure(name, measured, unit, null, false, load);
    }

    Double ratio() {
        if (limit == null || Double.isNaN(measured)) {
            return null;
        }
        if (floor) {
            return measured / limit;
        }
        return measured <= 0 ? Double.POSITIVE_INFINITY : limit / measured;
    }

    String limitText() {
        if (limit == null) {
            return "(reference)";
        }
        return (floor ? "≥ " : "≤ ") + number(limit) + " " + unit;
    }

    String ratioText() {
        Double r = ratio();
        if (r == null) {
            return "";
        }
        return String.format("%.2f %s", r, r >= 1 ? "ok" : "MISS");
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value >= 100 || value == Math.rint(value)) {
            return String.format("%,.0f", value);
        }
        return String.format("%.1f", value);
    }
}
