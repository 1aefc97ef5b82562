package netlab.capture.decode.app;

import static netlab.capture.decode.app.AppTestSupport.decode;
import static netlab.capture.decode.app.AppTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import netlab.capture.decode.Layer;

class PayloadPreviewTest {
    @Test
    void previewShowsLengthHexAndAscii() {
        Layer l = decode(PayloadPreview::decode, hex("474554200a00ff7e"));
        assertNull(l.failure());
        assertEquals(7, l.osiLayer());
        assertEquals("data", l.protocol());
        assertEquals(4, l.offset());
        assertEquals(8, l.get("length"));
        assertEquals("474554200a00ff7e", l.get("hex"));
        assertEquals("GET ...~", l.get("ascii"));
    }

    @Test
    void previewIsLimitedTo64BytesAndEmptyIsFine() {
        Layer l = decode(PayloadPreview::decode, new byte[200]);
        assertEquals(200, l.get("length"));
        assertEquals(128, ((String) l.get("hex")).length());
        assertEquals(0, decode(PayloadPreview::decode, new byte[0]).get("length"));
    }
}
