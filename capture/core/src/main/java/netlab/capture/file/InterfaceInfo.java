package netlab.capture.file;

import netlab.capture.LinkType;

/**
 * One pcapng interface description block, as declared in the current section.
 *
 * @param index        interface id within the section (what an EPB names; {@link netlab.capture.Frame#interfaceIndex()})
 * @param linkType     link type of the interface's frames
 * @param snapLength   declared snap length, 0 for "no limit"
 * @param name         {@code if_name} option, or the empty string when absent
 * @param tsResolution timestamp unit, e.g. "10^-6 s" or "2^-20 s", with the if_tsoffset when non-zero
 */
public record InterfaceInfo(int index, LinkType linkType, int snapLength, String name, String tsResolution) {
}
