package netlab.cli.report;

import netlab.analyzers.oui.OuiTable;
import netlab.capture.net.MacAddress;

/** Vendor names by MAC for the probes' output, from the bundled IEEE registry, loaded at the first lookup. */
public final class Vendors {
    private Vendors() {
    }

    /** The vendor of {@code mac}, or a bracketed note for an unknown or a locally administered one. */
    public static String of(MacAddress mac) {
        return OuiTable.bundled().vendor(mac.bits());
    }
}
