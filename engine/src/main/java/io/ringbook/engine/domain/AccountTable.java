package io.ringbook.engine.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Account names interned to dense int ids at the edge; the engine only ever sees the ids. */
public final class AccountTable {

    private final List<String> names;
    private final Map<String, Integer> ids = new HashMap<>();

    public AccountTable(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < this.names.size(); i++) {
            if (ids.put(this.names.get(i), i) != null) {
                throw new IllegalArgumentException("account " + this.names.get(i) + " is defined twice");
            }
        }
    }

    public int size() {
        return names.size();
    }

    public String name(int id) {
        return names.get(id);
    }

    public OptionalInt find(String name) {
        Integer id = ids.get(name);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    public List<String> all() {
        return names;
    }
}
