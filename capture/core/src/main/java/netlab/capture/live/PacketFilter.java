package netlab.capture.live;

import java.io.Closeable;
import netlab.capture.Frame;

/** A compiled tcpdump filter expression applied to frames read from files ({@code read}/{@code analyze} FILTER). */
public interface PacketFilter extends Closeable {

    /** True when the frame passes the filter. */
    boolean matches(Frame frame);

    /** The expression as given. */
    String expression();

    /** Frees the compiled program; {@link #matches} then returns false. */
    @Override
    void close();

    /** The expression does not compile; the message is the compiler's (libpcap's) error text. */
    final class FilterException extends Exception {
        public FilterException(String message) {
            super(message);
        }
    }

    /** The filter compiler (libpcap) could not be loaded, so no filter can be compiled. */
    final class UnavailableException extends Exception {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
