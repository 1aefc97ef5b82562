package netlab.capture.decode;

import java.util.List;

/**
 * One fully decoded protocol layer of a frame, built only for frames that are displayed.
 *
 * @param osiLayer  1..7, the OSI layer this header belongs to
 * @param protocol  short protocol name as in the protocol path ({@code eth}, {@code vlan}, {@code ip}, ...)
 * @param title     human name, e.g. "Ethernet II" or "Internet Protocol version 4"
 * @param offset    byte offset of the header in the frame
 * @param length    bytes of this header (not its payload)
 * @param fields    the header's fields in wire order
 * @param failure   set when this layer could not be decoded completely, else {@code null}
 */
public record Layer(int osiLayer, String protocol, String title, int offset, int length,
                    List<Field> fields, DecodeFailure failure) {
    public Layer {
        fields = List.copyOf(fields);
    }

    /** The value of the first field named {@code name}, or {@code null}. */
    public Object get(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f.value();
            }
        }
        return null;
    }
}
