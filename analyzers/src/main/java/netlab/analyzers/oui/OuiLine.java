package netlab.analyzers.oui;

/**
 * One prefix line of an OUI file, in one of the formats {@link OuiTable#load} accepts.
 *
 * <ul>
 *   <li>netlab's bundled table and arp-scan's {@code ieee-oui.txt}: {@code 0050C2<TAB>Vendor}, the number of
 *       hex digits giving the prefix length (6 = 24 bits, 7 = 28, 9 = 36);</li>
 *   <li>Wireshark's {@code manuf}: {@code 00:1B:C5<TAB>Short<TAB>Long name} or
 *       {@code 00:1B:C5:00:00:00/36<TAB>Short<TAB>Long name}; the long name is used when present, a
 *       trailing {@code # comment} is dropped.</li>
 * </ul>
 *
 * @param prefix the prefix bits, right-aligned
 * @param bits   24, 28 or 36
 * @param vendor the organization name, whitespace collapsed
 */
public record OuiLine(long prefix, int bits, String vendor) {

    /** Parses one non-comment line; null when it fits no format or has a prefix length other than 24/28/36. */
    public static OuiLine parse(String line) {
        String[] f = line.split("\t");
        if (f.length < 2) {
            f = line.trim().split("\\s+", 2);
            if (f.length < 2) {
                return null;
            }
        }
        String key = f[0].trim();
        String vendor = name(f);
        if (vendor.isEmpty()) {
            return null;
        }
        return key.indexOf(':') >= 0 || key.indexOf('-') >= 0 ? manuf(key, vendor) : plain(key, vendor);
    }

    private static String name(String[] f) {
        String v = f.length >= 3 && !f[2].isBlank() && !f[2].trim().startsWith("#") ? f[2] : f[1];
        return collapsed(v) ? v : String.join(" ", v.trim().split("\\s+")).trim();
    }

    /** True when {@code v} has no leading, trailing or repeated whitespace (the bundled table's names). */
    private static boolean collapsed(String v) {
        if (v.isEmpty() || v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < ' ' || (c == ' ' && v.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static OuiLine plain(String hex, String vendor) {
        int bits = switch (hex.length()) {
            case 6 -> 24;
            case 7 -> 28;
            case 9 -> 36;
            default -> 0;
        };
        long v = bits == 0 ? -1 : hex(hex);
        return v < 0 ? null : new OuiLine(v, bits, vendor);
    }

    private static OuiLine manuf(String key, String vendor) {
        int slash = key.indexOf('/');
        String addr = slash < 0 ? key : key.substring(0, slash);
        String[] octets = addr.split("[:-]");
        if (octets.length < 3 || octets.length > 6) {
            return null;
        }
        long v = 0;
        for (String o : octets) {
            long b = o.length() == 2 ? hex(o) : -1;
            if (b < 0) {
                return null;
            }
            v = (v << 8) | b;
        }
        int bits;
        try {
            bits = slash < 0 ? 24 : Integer.parseInt(key.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        int have = octets.length * 8;
        if ((bits != 24 && bits != 28 && bits != 36) || bits > have) {
            return null;
        }
        return new OuiLine(v >>> (have - bits), bits, vendor);
    }

    private static long hex(String s) {
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }
}
