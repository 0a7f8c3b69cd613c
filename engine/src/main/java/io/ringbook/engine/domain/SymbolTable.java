package io.ringbook.engine.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured symbols, by dense id (the engine's view) and by name (the edge's view).
 * It also fixes the one unit all symbols' notionals are summed in (gross exposure, daily
 * loss): the smallest tick-lot of any symbol, which every other symbol's tick-lot must
 * be a whole multiple of, so that sums across symbols stay exact longs. All symbols are
 * taken to be quoted in the same currency.
 */
public final class SymbolTable {

    private final List<SymbolSpec> byId;
    private final Map<String, SymbolSpec> byName = new HashMap<>();
    private final BigDecimal notionalUnit;
    private final long[] notionalMultiplier;

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
        this.notionalUnit = byId.stream().map(SymbolSpec::tickLot).min(Comparator.naturalOrder()).orElse(BigDecimal.ONE);
        this.notionalMultiplier = new long[byId.size()];
        for (SymbolSpec spec : byId) {
            try {
                notionalMultiplier[spec.id()] = DecimalUnits.toUnits(spec.tickLot(), notionalUnit);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("symbol " + spec.name() + ": tick x lot " + spec.tickLot().toPlainString()
                        + " is not a whole multiple of the smallest, " + notionalUnit.toPlainString(), e);
            }
        }
    }

    /** The quote amount that common notional units count: the smallest tick-lot. */
    public BigDecimal notionalUnit() {
        return notionalUnit;
    }

    /** Common notional units per tick-lot of this symbol. */
    public long notionalMultiplier(int id) {
        return notionalMultiplier[id];
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
