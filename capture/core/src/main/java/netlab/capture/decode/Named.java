package netlab.capture.decode;

/**
 * A field value that has a name where tshark names it, keeping the number: {@code request (1)},
 * {@code ARP (0x0806)}. JSON writes {@link #value()} as the field and {@link #name()} as {@code <field>_name}.
 *
 * @param value the number as the field had it before it was named (an Integer, or a {@code 0x%04x} String)
 * @param name  the name, or null when the number has none (then it shows as the bare number)
 */
public record Named(Object value, String name) {
    @Override
    public String toString() {
        return name == null ? String.valueOf(value) : name + " (" + value + ")";
    }
}
