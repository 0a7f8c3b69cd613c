package io.ringbook.app.profile;

import io.ringbook.engine.domain.ClientText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One map of a configuration file as YAML or JSON gave it, read with the path of every
 * value at hand, so that a mistake is reported as {@code symbols.TEST.tickSize: must be a
 * positive decimal} rather than as a stack trace. Keys keep the file's order, so that
 * symbol and account ids follow it.
 */
public final class ConfigNode {

    private final String path;
    private final Map<String, Object> values;

    private ConfigNode(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    /** The root of a parsed file; {@code null} (an empty file) is an empty map. */
    public static ConfigNode root(Map<String, Object> values) {
        return new ConfigNode("", values == null ? Map.of() : values);
    }

    /** Refuses any key not in {@code allowed}, naming it and what is allowed. */
    public ConfigNode allowOnly(Set<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw error(key, "unknown setting (known here: " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public List<String> keys() {
        return new ArrayList<>(values.keySet());
    }

    /** The raw value: strings, numbers, booleans, maps, lists or null. */
    public Object raw(String key) {
        return values.get(key);
    }

    /** A nested map, empty when absent. */
    @SuppressWarnings("unchecked")
    public ConfigNode node(String key) {
        Object value = values.get(key);
        if (value == null) {
            return new ConfigNode(pathOf(key), Map.of());
        }
        if (!(value instanceof Map)) {
            throw error(key, "must be a map of settings");
        }
        return new ConfigNode(pathOf(key), new LinkedHashMap<>((Map<String, Object>) value));
    }

    /** A nested map given as a whole: {@code map(key)} as a plain map (for the admin API's limits shape). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        node(key);
        Object value = values.get(key);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    public String string(String key, String fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            throw error(key, "must be a single value");
        }
        return value.toString();
    }

    public String requiredString(String key) {
        String value = string(key, null);
        if (value == null || value.isBlank()) {
            throw error(key, "is required");
        }
        return value;
    }

    /** A decimal given as a string or a number; {@code null} when absent or null. */
    public BigDecimal decimal(String key) {
        String text = string(key, null);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw error(key, "must be a decimal, not '" + ClientText.quote(text) + "'");
        }
    }

    public long whole(String key, long fallback) {
        BigDecimal value = decimal(key);
        if (value == null) {
            return fallback;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw error(key, "must be a whole number, not " + ClientText.quote(value));
        }
    }

    public boolean flag(String key, boolean fallback) {
        String text = string(key, null);
        if (text == null) {
            return fallback;
        }
        if (!text.equals("true") && !text.equals("false")) {
            throw error(key, "must be true or false, not '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    /** Converts a value with {@code parse}, reporting its failure against the key. */
    public <T> T parsed(String key, String fallback, Function<String, T> parse) {
        String text = string(key, fallback);
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw error(key, "'" + text + "' is not valid" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** An error about {@code key} of this map. */
    public ConfigException error(String key, String problem) {
        return new ConfigException(pathOf(key) + ": " + problem);
    }

    private String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
