package netlab.analyzers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LruIndexTest {

    @Test
    void matchesLinkedHashMapUnderRandomChurn() {
        int cap = 300;
        LruIndex idx = new LruIndex(cap);
        Map<Long, Boolean> model = new LinkedHashMap<>(16, 0.75f, true);
        Random r = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            long key = r.nextInt(1000) * 0x10001L;
            int s = idx.find(key);
            assertEquals(model.containsKey(key), s >= 0);
            if (r.nextInt(10) == 0 && s >= 0) {
                idx.remove(s);
                model.remove(key);
            } else if (s >= 0) {
                assertEquals(key * 3, idx.value(s));
                idx.touch(s);
                model.get(key);
            } else {
                if (idx.full()) {
                    long oldest = model.keySet().iterator().next();
                    assertEquals(oldest, idx.key(idx.oldest()));
                    idx.remove(idx.oldest());
                    model.remove(oldest);
                }
                int added = idx.add(key);
                assertEquals(key, idx.key(added));
                assertEquals(0, idx.value(added), "a reused slot starts with value 0");
                idx.setValue(added, key * 3);
                model.put(key, true);
            }
            assertEquals(model.size(), idx.size());
        }
        List<Long> order = new ArrayList<>();
        for (int s = idx.oldest(); s >= 0; s = idx.newer(s)) {
            order.add(idx.key(s));
        }
        assertEquals(new ArrayList<>(model.keySet()), order);
        assertEquals(cap, idx.capacity());
    }

    @Test
    void addingBeyondTheCapIsRefused() {
        LruIndex idx = new LruIndex(1);
        idx.add(7);
        assertThrows(IllegalStateException.class, () -> idx.add(8));
    }
}
