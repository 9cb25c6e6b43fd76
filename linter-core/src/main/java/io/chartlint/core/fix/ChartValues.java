package io.chartlint.core.fix;

import io.chartlint.core.engine.Inputs;
import io.chartlint.core.load.LoadLimits;
import io.chartlint.core.load.helm.SetValues;
import io.chartlint.core.load.helm.sourcemap.ChartSources;
import io.chartlint.core.rule.ValuesOrigin;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A chart's values as Helm merges them for a render, with where each was set: the chart's {@code
 * values.yaml}, each subchart's under its name, then the {@code -f} files in order, then {@code
 * --set}. Maps merge key by key and anything else replaces, as Helm's coalescing does; a null
 * deletes the key (pkg/chartutil/coalesce.go).
 */
final class ChartValues {
  private final Map<String, Object> merged = new LinkedHashMap<>();
  private final Map<List<String>, ValuesOrigin> origins = new LinkedHashMap<>();
  private final java.util.Set<String> known = new java.util.HashSet<>();
  private final java.util.Set<List<String>> setLists = new java.util.HashSet<>();
  private final Path workingDirectory;
  private final LoadLimits limits;

  private ChartValues(Path workingDirectory, LoadLimits limits) {
    this.workingDirectory = workingDirectory;
    this.limits = limits;
  }

  /**
   * The values of a chart directory with the given {@code -f} files and {@code --set} entries.
   * Subcharts packaged as archives contribute nothing here; their values keep no origin.
   */
  static ChartValues of(
      Path chart,
      List<Path> valuesFiles,
      List<String> set,
      List<String> setString,
      Path workingDirectory,
      LoadLimits limits) {
    ChartValues v = new ChartValues(workingDirectory, limits);
    Path charts = chart.resolve("charts");
    if (Files.isDirectory(charts, LinkOption.NOFOLLOW_LINKS)) {
      Map<String, List<String>> aliases = ChartSources.aliases(chart);
      try (var list = Files.list(charts)) {
        for (Path sub : list.sorted().toList()) {
          String dirName = sub.getFileName().toString();
          if (Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS)) {
            // Helm keys a subchart's values by its chart name, or the alias it is used under
            String name = Subcharts.chartName(sub, dirName);
            v.known.add(dirName);
            Path values = sub.resolve("values.yaml");
            if (Files.isRegularFile(values, LinkOption.NOFOLLOW_LINKS)) {
              for (String as : aliases.getOrDefault(name, List.of(name))) {
                v.known.add(as);
                v.mergeFile(List.of(as), values);
              }
            }
          } else if (dirName.endsWith(".tgz")
              && Files.isRegularFile(sub, LinkOption.NOFOLLOW_LINKS)) {
            Subcharts.Packaged packaged = Subcharts.packaged(sub, limits.maxDocumentChars());
            if (packaged != null) {
              String shown = Inputs.display(sub, workingDirectory) + "!/" + packaged.valuesEntry();
              for (String as : aliases.getOrDefault(packaged.name(), List.of(packaged.name()))) {
                v.known.add(as);
                if (packaged.values() != null) {
                  v.mergeText(List.of(as), packaged.values(), shown);
                }
              }
            }
          }
        }
      } catch (IOException e) {
        // unreadable subcharts: their values keep no origin, and are not known
      }
    }
    // imported values go under the parent's own: the parent's values.yaml, read next, wins
    v.importValues(chart);
    Path own = chart.resolve("values.yaml");
    if (Files.isRegularFile(own)) {
      v.mergeFile(List.of(), own);
    }
    for (Path file : valuesFiles) {
      v.mergeFile(List.of(), file);
    }
    for (String entry : set) {
      v.mergeSet(entry, "--set", false);
    }
    for (String entry : setString) {
      v.mergeSet(entry, "--set-string", true);
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  private void importValues(Path chart) {
    for (Subcharts.Dependency dep : Subcharts.imports(chart)) {
      for (Subcharts.Import imp : dep.imports()) {
        List<String> from = new ArrayList<>();
        from.add(dep.key());
        from.addAll(imp.child());
        Object value = get(from);
        if (value == null) {
          continue;
        }
        List<String> to = imp.parent();
        if (to.isEmpty()) {
          if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
              copy(append(from, String.valueOf(e.getKey())), List.of(String.valueOf(e.getKey())));
            }
          }
        } else {
          copy(from, to);
        }
      }
    }
  }

  /** Copies a value and where its keys were set from one path to another. */
  @SuppressWarnings("unchecked")
  private void copy(List<String> from, List<String> to) {
    Object value = get(from);
    Map<String, Object> parent = mapAt(to.subList(0, to.size() - 1));
    parent.put(to.get(to.size() - 1), value instanceof Map<?, ?> m ? deepCopy(m) : value);
    forget(to);
    for (Map.Entry<List<String>, ValuesOrigin> e : new ArrayList<>(origins.entrySet())) {
      List<String> p = e.getKey();
      if (p.size() >= from.size() && p.subList(0, from.size()).equals(from)) {
        List<String> moved = new ArrayList<>(to);
        moved.addAll(p.subList(from.size(), p.size()));
        ValuesOrigin o = e.getValue();
        origins.put(
            List.copyOf(moved), new ValuesOrigin(pathText(moved), o.file(), o.line(), o.source()));
      }
    }
  }

  /** A copy of values whose maps and lists can be changed without touching the original. */
  static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
      return copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(deepCopy(v)));
      return copy;
    }
    return value;
  }

  /**
   * Whether the values of the subchart that renders under {@code charts/<name>/} were read. For a
   * subchart whose values were not read, no value can be ruled out.
   */
  boolean knowsSubchart(String name) {
    return known.contains(name);
  }

  Map<String, Object> merged() {
    return merged;
  }

  /** Where the value at a path was set: the last source to set it or a key above it. */
  ValuesOrigin origin(List<String> path) {
    for (int n = path.size(); n > 0; n--) {
      ValuesOrigin o = origins.get(path.subList(0, n));
      if (o != null) {
        return new ValuesOrigin(pathText(path), o.file(), o.line(), o.source());
      }
    }
    return null;
  }

  /** The value at a path, or null. */
  Object get(List<String> path) {
    Object node = merged;
    for (String key : path) {
      node = read(node, key);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** Whether the merged values have the key at a path (with any value, null included). */
  boolean contains(List<String> path) {
    Object node = merged;
    for (String key : path) {
      if (key.startsWith("[")) {
        int i = index(key);
        if (!(node instanceof List<?> list) || i < 0 || i >= list.size()) {
          return false;
        }
        node = list.get(i);
      } else {
        if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
          return false;
        }
        node = map.get(key);
      }
    }
    return !path.isEmpty();
  }

  /** Every path whose value satisfies the test, depth first in file order. */
  List<List<String>> find(java.util.function.BiPredicate<List<String>, Object> test) {
    List<List<String>> found = new ArrayList<>();
    walk(new ArrayList<>(), merged, test, found);
    return found;
  }

  /**
   * For a key some items of a list of maps have and others lack, the paths of it in the items that
   * lack it ({@code sidecars[1].cpu} when {@code sidecars[0]} has a {@code cpu}): a template that
   * ranges over the list writes the field only for the items that set it.
   */
  List<List<String>> missingInItems(String key) {
    List<List<String>> found = new ArrayList<>();
    for (List<String> list : find((p, v) -> v instanceof List<?>)) {
      List<?> items = (List<?>) get(list);
      if (items.size() > 100
          || items.stream().noneMatch(i -> i instanceof Map<?, ?> m && m.containsKey(key))) {
        continue;
      }
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof Map<?, ?> m && !m.containsKey(key)) {
          List<String> p = new ArrayList<>(list);
          p.add("[" + i + "]");
          p.add(key);
          found.add(List.copyOf(p));
        }
      }
    }
    return found;
  }

  private static void walk(
      List<String> path,
      Object value,
      java.util.function.BiPredicate<List<String>, Object> test,
      List<List<String>> found) {
    if (!path.isEmpty() && test.test(path, value)) {
      found.add(List.copyOf(path));
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        path.add(String.valueOf(e.getKey()));
        walk(path, e.getValue(), test, found);
        path.remove(path.size() - 1);
      }
    }
  }

  private void mergeFile(List<String> prefix, Path file) {
    String text;
    try {
      if (Files.size(file) > Math.max(limits.maxDocumentChars(), 1) * 4L) {
        return; // Helm reports a values file it cannot read when it renders
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return;
    }
    mergeText(prefix, text, Inputs.display(file, workingDirectory));
  }

  private void mergeText(List<String> prefix, String text, String shown) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(limits.maxAliasesForCollections());
    options.setNestingDepthLimit(limits.maxNestingDepth());
    options.setCodePointLimit(Math.max(limits.maxDocumentChars(), 1) + 16);
    Node root;
    try (Reader reader = new java.io.StringReader(text)) {
      root = new Yaml(options).compose(reader);
    } catch (IOException | RuntimeException e) {
      return; // Helm reports a values file it cannot read when it renders
    }
    if (!(root instanceof MappingNode)) {
      return;
    }
    Map<String, Object> target = mapAt(prefix);
    mergeNode(target, prefix, (MappingNode) root, shown);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> mapAt(List<String> prefix) {
    Map<String, Object> map = merged;
    for (String key : prefix) {
      Object child = map.get(key);
      if (!(child instanceof Map)) {
        child = new LinkedHashMap<String, Object>();
        map.put(key, child);
      }
      map = (Map<String, Object>) child;
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  private void mergeNode(Map<String, Object> into, List<String> at, MappingNode node, String file) {
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode k)) {
        continue;
      }
      List<String> path = append(at, k.getValue());
      Node valueNode = tuple.getValueNode();
      ValuesOrigin origin =
          new ValuesOrigin(String.join(".", path), file, k.getStartMark().getLine() + 1, null);
      if (valueNode instanceof MappingNode m && into.get(k.getValue()) instanceof Map<?, ?> old) {
        origins.put(path, origin);
        mergeNode((Map<String, Object>) old, path, m, file);
        continue;
      }
      Object value = Data.of(valueNode);
      forget(path);
      if (value == null && into.containsKey(k.getValue())) {
        into.remove(k.getValue()); // a null deletes what an earlier source set
        continue;
      }
      into.put(k.getValue(), value);
      origins.put(path, origin);
      recordBelow(path, valueNode, file);
    }
  }

  private void recordBelow(List<String> at, Node node, String file) {
    if (node instanceof MappingNode m) {
      for (NodeTuple tuple : m.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k) {
          List<String> path = append(at, k.getValue());
          origins.put(
              path,
              new ValuesOrigin(String.join(".", path), file, k.getStartMark().getLine() + 1, null));
          recordBelow(path, tuple.getValueNode(), file);
        }
      }
    }
  }

  private void forget(List<String> path) {
    origins
        .keySet()
        .removeIf(p -> p.size() >= path.size() && p.subList(0, path.size()).equals(path));
  }

  /** Longest key path a {@code --set} entry may have; deeper ones are not traced. */
  private static final int MAX_SET_DEPTH = 64;

  /** Helm's largest list index in {@code --set} (pkg/strvals/parser.go MaxIndex). */
  private static final int MAX_SET_INDEX = 65_536;

  /**
   * One {@code --set} option in Helm's syntax (pkg/strvals/parser.go): comma-separated entries,
   * dotted keys with {@code \.} for a literal dot, list items {@code a[0].b}, and {@code {x,y}}
   * lists. As in Helm, a list that {@code --set} writes into replaces the list of the values files.
   * An entry Helm would reject keeps no origin (Helm reports it when it renders).
   */
  private void mergeSet(String option, String name, boolean asString) {
    List<SetValues.Assignment> assignments;
    try {
      assignments = SetValues.parse(name, option);
    } catch (RuntimeException e) {
      return;
    }
    for (SetValues.Assignment a : assignments) {
      List<String> path = SetKeys.parse(a.key());
      if (path == null || path.isEmpty() || path.size() > MAX_SET_DEPTH) {
        continue;
      }
      assign(path, SetKeys.value(a.value(), asString), name);
    }
  }

  @SuppressWarnings("unchecked")
  private void assign(List<String> path, Object value, String option) {
    Object container = merged;
    for (int i = 0; i < path.size(); i++) {
      String segment = path.get(i);
      boolean last = i == path.size() - 1;
      List<String> here = List.copyOf(path.subList(0, i + 1));
      Object child;
      if (last) {
        child = value;
      } else if (path.get(i + 1).startsWith("[")) {
        Object old = read(container, segment);
        if (old instanceof List<?> list && setLists.contains(here)) {
          child = list;
        } else {
          // the first --set into a list replaces it, as Helm coalesces lists
          child = new ArrayList<>();
          setLists.add(here);
          forget(here);
          origins.put(here, new ValuesOrigin(pathText(here), null, 0, option));
        }
      } else {
        Object old = read(container, segment);
        if (old instanceof Map) {
          child = old;
        } else {
          child = new LinkedHashMap<String, Object>();
          forget(here);
          origins.put(here, new ValuesOrigin(pathText(here), null, 0, option));
        }
      }
      if (!write(container, segment, child)) {
        return;
      }
      if (last) {
        forget(here);
        if (value == null && container instanceof Map<?, ?> map) {
          map.remove(segment); // a null deletes the key (pkg/chart/v2/util/coalesce.go)
        }
        origins.put(here, new ValuesOrigin(pathText(here), null, 0, option));
      }
      container = child;
    }
  }

  private static Object read(Object container, String segment) {
    if (segment.startsWith("[")) {
      int i = index(segment);
      return container instanceof List<?> l && i >= 0 && i < l.size() ? l.get(i) : null;
    }
    return container instanceof Map<?, ?> m ? m.get(segment) : null;
  }

  @SuppressWarnings("unchecked")
  private static boolean write(Object container, String segment, Object value) {
    if (segment.startsWith("[")) {
      int i = index(segment);
      if (!(container instanceof List<?>) || i < 0 || i > MAX_SET_INDEX) {
        return false;
      }
      List<Object> list = (List<Object>) container;
      while (list.size() <= i) {
        list.add(null);
      }
      list.set(i, value);
      return true;
    }
    if (!(container instanceof Map<?, ?>)) {
      return false;
    }
    ((Map<String, Object>) container).put(segment, value);
    return true;
  }

  private static int index(String segment) {
    try {
      return Integer.parseInt(segment.substring(1, segment.length() - 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A path as Helm writes it: {@code a.b[0].c}, a dot inside a key as {@code \.}. */
  static String pathText(List<String> path) {
    StringBuilder s = new StringBuilder();
    for (String segment : path) {
      if (segment.startsWith("[")) {
        s.append(segment);
        continue;
      }
      if (s.length() > 0) {
        s.append('.');
      }
      s.append(segment.replace(".", "\\."));
    }
    return s.toString();
  }

  private static List<String> append(List<String> path, String key) {
    List<String> p = new ArrayList<>(path);
    p.add(key);
    return List.copyOf(p);
  }

  /** Plain data from YAML nodes, compared the same way for values and rendered output. */
  static final class Data {
    private Data() {}

    static boolean isNull(Node node) {
      return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** Maps, lists, strings, longs, doubles, booleans and nulls. */
    static Object of(Node node) {
      if (node instanceof MappingNode m) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k) {
            map.put(k.getValue(), of(t.getValueNode()));
          }
        }
        return map;
      }
      if (node instanceof SequenceNode s) {
        List<Object> list = new ArrayList<>();
        s.getValue().forEach(n -> list.add(of(n)));
        return list;
      }
      if (node instanceof ScalarNode s) {
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
          return null;
        }
        String text = s.getValue();
        if (tag.equals(Tag.BOOL)) {
          return List.of("true", "yes", "on", "y")
              .contains(text.toLowerCase(java.util.Locale.ROOT));
        }
        try {
          if (tag.equals(Tag.INT)) {
            String digits = text.replace("_", "");
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
              return Long.parseLong(digits.substring(2), 16);
            }
            return Long.parseLong(digits);
          }
          if (tag.equals(Tag.FLOAT)) {
            return Double.parseDouble(text.replace("_", ""));
          }
        } catch (NumberFormatException e) {
          return text; // octal, sexagesimal, .inf: compared as written
        }
        return text;
      }
      return null;
    }

    /** Deep equality where 1 and 1.0 are the same number, as in JSON. */
    static boolean same(Object a, Object b) {
      if (a instanceof Number x && b instanceof Number y) {
        return x.doubleValue() == y.doubleValue();
      }
      if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
        if (x.size() != y.size()) {
          return false;
        }
        for (Map.Entry<?, ?> e : x.entrySet()) {
          if (!y.containsKey(e.getKey()) || !same(e.getValue(), y.get(e.getKey()))) {
            return false;
          }
        }
        return true;
      }
      if (a instanceof List<?> x && b instanceof List<?> y) {
        if (x.size() != y.size()) {
          return false;
        }
        for (int i = 0; i < x.size(); i++) {
          if (!same(x.get(i), y.get(i))) {
            return false;
          }
        }
        return true;
      }
      return Objects.equals(a, b);
    }
  }
}
