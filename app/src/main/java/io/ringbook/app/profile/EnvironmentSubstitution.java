package io.ringbook.app.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} in any string of a parsed configuration file replaced by the
 * environment variable {@code NAME}, so that secrets need not be written in the file. A
 * variable that is not set stops the reading, naming the setting and the variable.
 */
final class EnvironmentSubstitution {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private EnvironmentSubstitution() {
    }

    /** The tree with every variable replaced; {@code environment} answers null for an unset one. */
    static Map<String, Object> apply(Map<String, Object> tree, Function<String, String> environment) {
        return substitute(tree, environment, "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> substitute(Map<String, Object> map, Function<String, String> environment, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> out.put(key, substituteValue(value, environment, path.isEmpty() ? key : path + "." + key)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object substituteValue(Object value, Function<String, String> environment, String path) {
        if (value instanceof Map) {
            return substitute((Map<String, Object>) value, environment, path);
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object item : (List<Object>) value) {
                out.add(substituteValue(item, environment, path));
            }
            return out;
        }
        if (!(value instanceof String text)) {
            return value;
        }
        Matcher variables = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variables.find()) {
            String found = environment.apply(variables.group(1));
            if (found == null) {
                throw new ConfigException(path + ": environment variable " + variables.group(1) + " is not set");
            }
            variables.appendReplacement(out, Matcher.quoteReplacement(found));
        }
        variables.appendTail(out);
        return out.toString();
    }
}
