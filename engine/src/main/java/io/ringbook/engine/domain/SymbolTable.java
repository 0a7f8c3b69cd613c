package io.ringbook.engine.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured symbols, by dense id (the engine's view) and by name (the edge's view). */
public final class SymbolTable {

    private final List<SymbolSpec> byId;
    private final Map<String, SymbolSpec> byName = new HashMap<>();

    public SymbolTable(List<SymbolSpec> symbols) {
        this.byId = List.copyOf(symbols);
        for (int i = 0; i < byId.size(); i++) {
            SymbolSpec spec = byId.get(i);
            if (spec.id() != i) {
                throw new IllegalArgumentException("symbol " + spec.name() + " has id " + spec.id() + ", expected " + i);
            }
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("symbol " + spec.name() + " is defined twice");
            }
        }
    }

    public int size() {
        return byId.size();
    }

    public SymbolSpec get(int id) {
        return byId.get(id);
    }

    public Optional<SymbolSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<SymbolSpec> all() {
        return byId;
    }
}
