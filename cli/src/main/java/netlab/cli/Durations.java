package netlab.cli;

import picocli.CommandLine;

/** Parses durations such as {@code 1s}, {@code 250ms}, {@code 500us}, {@code 5m} or a bare number of seconds. */
final class Durations implements CommandLine.ITypeConverter<Long> {

    /** Nanoseconds of a duration text. */
    static long parse(String text) {
        String t = text.trim().toLowerCase();
        long unit = 1_000_000_000L;
        String number = t;
        String[][] units = {{"ms", "1000000"}, {"us", "1000"}, {"ns", "1"}, {"s", "1000000000"},
            {"m", "60000000000"}, {"h", "3600000000000"}};
        for (String[] u : units) {
            if (t.endsWith(u[0])) {
                number = t.substring(0, t.length() - u[0].length());
                unit = Long.parseLong(u[1]);
                break;
            }
        }
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 1s, 250ms, 2.5)");
        }
        if (value < 0 || Double.isNaN(value) || value * unit > Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 1s, 250ms, 2.5)");
        }
        return Math.round(value * unit);
    }

    @Override
    public Long convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
