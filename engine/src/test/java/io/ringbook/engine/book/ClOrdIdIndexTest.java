package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClOrdIdIndexTest {

    @Test
    void shouldFindExactlyWhatWasPutAcrossGrowthLikeAHashMap() {
        ClOrdIdIndex index = new ClOrdIdIndex(4);
        Map<String, Long> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        ClOrdId id = new ClOrdId();
        for (long orderId = 1; orderId <= 20_000; orderId++) {
            int account = random.nextInt(5);
            String text = "c" + random.nextInt(30_000) + "-" + "x".repeat(random.nextInt(30));
            id.set(text);
            String key = account + "/" + text;
            assertEquals(reference.getOrDefault(key, 0L), index.find(account, id), key);
            if (!reference.containsKey(key)) {
                index.put(account, id, orderId);
                reference.put(key, orderId);
            }
        }
        assertEquals(reference.size(), index.size());
        index.startNewDay();
        assertEquals(0, index.size());
        for (Map.Entry<String, Long> used : reference.entrySet()) {
            String[] parts = used.getKey().split("/", 2);
            id.set(parts[1]);
            assertEquals(0, index.find(Integer.parseInt(parts[0]), id), "yesterday's " + used.getKey() + " is forgotten");
        }
        id.set("fresh");
        index.put(3, id, 99);
        assertEquals(99, index.find(3, id));
    }

    @Test
    void shouldForgetRemovedIdsAndStillFindEveryOtherLikeAHashMap() {
        ClOrdIdIndex index = new ClOrdIdIndex(4);
        Map<String, Long> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(5);
        ClOrdId id = new ClOrdId();
        for (long orderId = 1; orderId <= 50_000; orderId++) {
            int account = random.nextInt(3);
            String text = "k" + random.nextInt(2_000);
            id.set(text);
            String key = account + "/" + text;
            Long held = reference.get(key);
            assertEquals(held == null ? 0L : held, index.find(account, id), key);
            if (held == null) {
                index.put(account, id, orderId);
                reference.put(key, orderId);
            } else if (random.nextBoolean()) {
                index.remove(account, id, held + 1);
                assertEquals(held, index.find(account, id), "an id held by another order stays");
                index.remove(account, id, held);
                reference.remove(key);
            }
        }
        assertEquals(reference.size(), index.size());
        for (Map.Entry<String, Long> held : reference.entrySet()) {
            String[] parts = held.getKey().split("/", 2);
            id.set(parts[1]);
            assertEquals(held.getValue(), index.find(Integer.parseInt(parts[0]), id), held.getKey());
        }
    }
}
