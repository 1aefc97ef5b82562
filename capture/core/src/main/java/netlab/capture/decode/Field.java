package netlab.capture.decode;

/**
 * One named field of a decoded layer, for display and JSON.
 *
 * @param name  snake_case key, stable across releases (it is a JSON key)
 * @param value a String, Number, Boolean, or a List/Map of those
 */
public record Field(String name, Object value) {
}
