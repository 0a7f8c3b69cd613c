package io.ringbook.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packages of a module's sources and what each refers to, read from the source text
 * (imports and qualified names, comments and string literals left out): enough to find
 * cycles between the module's packages and imports from libraries a module must not use,
 * without a library for it. Each module's tests check their own sources with it.
 */
public final class PackageGraph {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);
    private static final Pattern PROJECT_TYPE = Pattern.compile("\\bio\\.ringbook(?:\\.[a-z]\\w*)+(?=\\.[A-Z])");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'", Pattern.DOTALL);

    private final Map<String, Set<String>> uses = new TreeMap<>();
    private final Map<String, Set<String>> imports = new TreeMap<>();

    private PackageGraph() {
    }

    /** Reads every {@code .java} file under {@code sourceRoot} (e.g. {@code src/main/java}). */
    public static PackageGraph of(Path sourceRoot) {
        PackageGraph graph = new PackageGraph();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                graph.read(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    private void read(String source) {
        String code = COMMENTS_AND_STRINGS.matcher(source).replaceAll(" ");
        Matcher declared = PACKAGE.matcher(code);
        String pkg = declared.find() ? declared.group(1) : "";
        Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
        Set<String> imported = imports.computeIfAbsent(pkg, p -> new TreeSet<>());
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            imported.add(imports.group(1));
        }
        Matcher types = PROJECT_TYPE.matcher(code);
        while (types.find()) {
            if (!types.group().equals(pkg)) {
                used.add(types.group());
            }
        }
    }

    public Set<String> packages() {
        return uses.keySet();
    }

    /** Imports (classes or packages) that start with none of {@code allowed} prefixes, as "package: import". */
    public List<String> importsOutside(List<String> allowed) {
        List<String> outside = new ArrayList<>();
        imports.forEach((pkg, names) -> names.stream()
                .filter(name -> allowed.stream().noneMatch(name::startsWith))
                .forEach(name -> outside.add(pkg + ": " + name)));
        return outside;
    }

    /** Each set of this module's packages that reach one another (a cycle), as "a -> b -> ... -> a"; empty if none. */
    public List<String> cycles() {
        List<String> cycles = new ArrayList<>();
        for (List<String> component : new Components().find()) {
            if (component.size() > 1) {
                cycles.add(String.join(" <-> ", component));
            }
        }
        return cycles;
    }

    /** Strongly connected components (Tarjan), over the packages of this module only. */
    private final class Components {
        private final Map<String, Integer> index = new TreeMap<>();
        private final Map<String, Integer> low = new TreeMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<List<String>> found = new ArrayList<>();

        List<List<String>> find() {
            for (String pkg : uses.keySet()) {
                if (!index.containsKey(pkg)) {
                    visit(pkg);
                }
            }
            return found;
        }

        private void visit(String pkg) {
            index.put(pkg, index.size());
            low.put(pkg, index.get(pkg));
            stack.push(pkg);
            onStack.add(pkg);
            for (String next : uses.get(pkg)) {
                if (!uses.containsKey(next)) {
                    continue;
                }
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(pkg, Math.min(low.get(pkg), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(pkg, Math.min(low.get(pkg), index.get(next)));
                }
            }
            if (low.get(pkg).equals(index.get(pkg))) {
                List<String> component = new ArrayList<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(pkg));
                component.sort(null);
                found.add(component);
            }
        }
    }
}
