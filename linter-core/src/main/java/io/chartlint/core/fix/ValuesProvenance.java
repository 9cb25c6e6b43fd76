package io.chartlint.core.fix;

import io.chartlint.core.load.helm.ChartRenderException;
import io.chartlint.core.load.helm.sourcemap.SourceMap;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.ResourceRef;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Finding;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Which value of a chart writes the field of a finding, proven by rendering the chart with a
 * sentinel there.
 *
 * <p>For each finding it takes the field the rule is about (for a missing request, the container's
 * {@code resources.requests.cpu}), the levels of it that the render has (and the first that it
 * lacks), and candidate values paths for each level: those the action that wrote the line names
 * ({@code {{ toYaml .Values.daemon.resources | nindent 12 }}}), those whose value equals the
 * rendered field, and those named like it. Every candidate gets a marker no chart can hold (a key
 * added to a map, a string replacing a string, an item appended to a list), all of a chart's
 * candidates go in one render, and a candidate is proven when its marker appears at the finding's
 * field. A render that fails is split in halves; renders are bounded. The marker proves control
 * without choosing a value for the field, so it serves findings whose right value chartlint cannot
 * know, such as request sizes.
 */
final class ValuesProvenance {
  /** Renders per chart, failed ones included. */
  static final int MAX_RENDERS = 6;

  /** Candidate values paths per chart. */
  static final int MAX_CANDIDATES = 400;

  /** Candidates of one kind for one level of a field. */
  private static final int PER_LEVEL = 40;

  private static final Pattern VALUES_REF = Pattern.compile("\\.Values((?:\\.[A-Za-z0-9_-]+)+)");
  private static final Set<String> REQUEST_RULES =
      Set.of("cpu-request-missing", "memory-request-missing", "ephemeral-storage-request-missing");

  /** A render of the chart. */
  interface Renderer {
    Rendered render(Map<String, Object> override) throws ChartRenderException;
  }

  /**
   * One render of the chart.
   *
   * @param manifests the rendered stream
   * @param objects the objects by reference
   * @param firstLines for each object, the stream line on which its document starts
   */
  record Rendered(
      String manifests,
      Map<ResourceRef, KubeObject> objects,
      Map<ResourceRef, Integer> firstLines) {}

  /**
   * A value proven to write a finding's field.
   *
   * @param controlled the values path whose marker appeared
   * @param reported the values path to show: {@code controlled}, or the path of the field inside it
   *     when the field exists and the values hold it there
   * @param field the field the rule is about, from the object's root
   * @param level how many segments of {@code field} the proven level has
   * @param exists whether the render has the whole field
   */
  record Proof(
      List<String> controlled,
      List<String> reported,
      List<String> field,
      int level,
      boolean exists) {}

  /**
   * What proving did.
   *
   * @param proven findings whose field a value writes
   * @param templateOnly findings for which every candidate was tried and none writes the field
   * @param renders the renders it took, failed ones included
   * @param candidates the candidate values paths
   */
  record Outcome(
      Map<Finding, Proof> proven, Set<Finding> templateOnly, int renders, int candidates) {}

  private enum Kind {
    MAP,
    STRING,
    LIST_OF_MAPS,
    LIST_OF_STRINGS
  }

  private record Marker(List<String> path, String token, Kind kind, Object value) {}

  private record Level(List<String> segments, Node node) {}

  private final ChartValues values;
  private final Renderer renderer;
  private final SourceMap sourceMap;
  private final String nonce;
  private final java.util.function.Function<Finding, String> templateText;

  /**
   * @param values the chart's merged values with where each was set
   * @param renderer renders the chart with an override
   * @param sourceMap the map of the base render, to read the actions that wrote a line; or null
   */
  ValuesProvenance(
      ChartValues values,
      Renderer renderer,
      SourceMap sourceMap,
      java.util.function.Function<Finding, String> templateText) {
    this.values = values;
    this.renderer = renderer;
    this.sourceMap = sourceMap;
    this.templateText = templateText;
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    this.nonce = HexFormat.of().formatHex(random);
  }

  /** The field a finding is about, from the object's root: its path, or the missing field. */
  static List<String> field(Finding f) {
    List<String> path = segments(f.path());
    if (REQUEST_RULES.contains(f.ruleId())) {
      String resource = f.ruleId().substring(0, f.ruleId().length() - "-request-missing".length());
      for (int i = path.size() - 2; i >= 0; i--) {
        String s = path.get(i);
        if ((s.equals("containers") || s.equals("initContainers"))
            && path.get(i + 1).startsWith("[")) {
          List<String> field = new ArrayList<>(path.subList(0, i + 2));
          field.addAll(List.of("resources", "requests", resource));
          return field;
        }
      }
    }
    if (f.ruleId().equals("priority-class-missing")
        && !path.isEmpty()
        && path.get(path.size() - 1).equals("spec")) {
      List<String> field = new ArrayList<>(path);
      field.add("priorityClassName");
      return field;
    }
    return path;
  }

  /** {@code a.b[0].c} as {@code a}, {@code b}, {@code [0]}, {@code c}. */
  static List<String> segments(String path) {
    List<String> list = new ArrayList<>();
    if (path == null || path.isEmpty()) {
      return list;
    }
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      if (bracket < 0) {
        list.add(part);
        continue;
      }
      if (bracket > 0) {
        list.add(part.substring(0, bracket));
      }
      for (String index : part.substring(bracket).split("(?<=\\])")) {
        list.add(index);
      }
    }
    return list;
  }

  Outcome prove(List<Finding> findings, Rendered base) {
    Map<Finding, List<Level>> levels = new LinkedHashMap<>();
    Map<Finding, List<List<String>>> candidates = new LinkedHashMap<>();
    Map<List<String>, Marker> markers = new LinkedHashMap<>();
    for (Finding f : findings) {
      KubeObject object = base.objects().get(f.resource());
      if (object == null) {
        continue;
      }
      List<String> field = field(f);
      List<Level> mine = levels(object.root(), field);
      levels.put(f, mine);
      Set<List<String>> paths = new LinkedHashSet<>();
      Integer firstLine = base.firstLines().get(f.resource());
      List<List<String>> refs = templateRefs(f);
      for (Level level : mine) {
        boolean last = level.segments.size() == field.size();
        List<List<String>> found = new ArrayList<>(candidatesFor(level, firstLine, last));
        if (level.node == null) {
          // a field that did not render: the values its template reads by that name, set or not
          String name = level.segments.get(level.segments.size() - 1);
          for (List<String> ref : refs) {
            if (ref.get(ref.size() - 1).equals(name) && !found.contains(ref)) {
              found.add(ref);
            }
          }
        }
        for (List<String> p : found) {
          if (markers.size() >= MAX_CANDIDATES && !markers.containsKey(p)) {
            break;
          }
          Marker m = markers.computeIfAbsent(p, k -> marker(k, level, last, markers.size()));
          if (m != null) {
            paths.add(p);
          } else {
            markers.remove(p);
          }
        }
      }
      candidates.put(f, new ArrayList<>(paths));
    }
    Map<Finding, Proof> proven = new LinkedHashMap<>();
    Set<List<String>> tried = new HashSet<>();
    Set<Finding> undecided = new HashSet<>();
    int renders = 0;
    boolean exhausted = false;
    while (!exhausted) {
      // one batch: every untried candidate of an unproven finding that does not overlap another
      // maps and lists first: a string marker can rename an object (a name taken from a value),
      // which hides every finding in it from that render
      List<List<String>> batch = new ArrayList<>();
      for (boolean strings : new boolean[] {false, true}) {
        for (Map.Entry<Finding, List<List<String>>> e : candidates.entrySet()) {
          if (proven.containsKey(e.getKey())) {
            continue;
          }
          for (List<String> p : e.getValue()) {
            boolean string = markers.get(p).kind() == Kind.STRING;
            if (string == strings
                && !tried.contains(p)
                && !batch.contains(p)
                && !overlaps(batch, p)) {
              batch.add(p);
            }
          }
        }
        if (!batch.isEmpty()) {
          break;
        }
      }
      if (batch.isEmpty()) {
        break;
      }
      Deque<List<List<String>>> queue = new ArrayDeque<>();
      queue.add(batch);
      while (!queue.isEmpty()) {
        if (renders >= MAX_RENDERS) {
          exhausted = true;
          break;
        }
        List<List<String>> part = queue.poll();
        renders++;
        Rendered after;
        try {
          after = renderer.render(override(part, markers));
        } catch (ChartRenderException e) {
          List<List<String>> rejected = rejectedBySchema(e.getMessage(), part);
          if (!rejected.isEmpty() && rejected.size() < part.size()) {
            // the chart's values.schema.json names the values it rejects: retry without them
            tried.addAll(rejected);
            List<List<String>> rest = new ArrayList<>(part);
            rest.removeAll(rejected);
            queue.addFirst(rest);
          } else if (part.size() == 1 || rejected.size() == part.size()) {
            tried.addAll(part); // these markers alone break the render: they cannot be proven
          } else {
            queue.addFirst(part.subList(part.size() / 2, part.size()));
            queue.addFirst(part.subList(0, part.size() / 2));
          }
          continue;
        }
        tried.addAll(part);
        check(levels, candidates, markers, part, after, proven, undecided);
      }
    }
    Set<Finding> templateOnly = new LinkedHashSet<>();
    for (Finding f : findings) {
      if (!proven.containsKey(f) && levels.containsKey(f)) {
        if (tried.containsAll(candidates.get(f)) && !undecided.contains(f)) {
          templateOnly.add(f);
        }
      }
    }
    return new Outcome(proven, templateOnly, renders, markers.size());
  }

  private static final Pattern SCHEMA_AT = Pattern.compile("at '(/[^']*)'");

  /**
   * The candidates a schema error names: Helm's validation (pkg/chart/common/util/jsonschema.go)
   * reports each failure {@code at '/a/b/c'}, a JSON pointer into the values, and subcharts' under
   * their name.
   */
  private static List<List<String>> rejectedBySchema(String message, List<List<String>> part) {
    List<List<String>> rejected = new ArrayList<>();
    if (message == null) {
      return rejected;
    }
    Matcher m = SCHEMA_AT.matcher(message);
    List<List<String>> pointers = new ArrayList<>();
    while (m.find()) {
      List<String> pointer = new ArrayList<>();
      for (String token : m.group(1).substring(1).split("/", -1)) {
        pointer.add(token.replace("~1", "/").replace("~0", "~"));
      }
      pointers.add(pointer);
    }
    for (List<String> p : part) {
      for (List<String> pointer : pointers) {
        if (endsWithPrefixOf(p, pointer)) {
          rejected.add(p);
          break;
        }
      }
    }
    return rejected;
  }

  /**
   * Whether a schema pointer is at or above a candidate's path, the pointer possibly relative to a
   * subchart (the candidate's path then has the subchart's name before it).
   */
  private static boolean endsWithPrefixOf(List<String> path, List<String> pointer) {
    if (pointer.isEmpty() || (pointer.size() == 1 && pointer.get(0).isEmpty())) {
      return false;
    }
    for (int start = 0; start + pointer.size() <= path.size() + 1 && start <= 1; start++) {
      int n = Math.min(pointer.size(), path.size() - start);
      if (n > 0 && path.subList(start, start + n).equals(pointer.subList(0, n))) {
        return true;
      }
    }
    return false;
  }

  /** The levels of a field the render has, deepest first, and the first it lacks. */
  private static List<Level> levels(Node root, List<String> field) {
    // a field belongs to the pod spec (or the object) below its last "spec": whole pod specs and
    // objects are not values
    int floor = field.lastIndexOf("spec") + 1;
    List<Level> found = new ArrayList<>();
    Node node = root;
    for (int i = 0; i < field.size(); i++) {
      Node child = child(node, field.get(i));
      // an item of a list (a container) is not a value; the list and the item's fields may be
      if (i + 1 > floor && !field.get(i).startsWith("[")) {
        found.add(0, new Level(List.copyOf(field.subList(0, i + 1)), child));
      }
      if (child == null) {
        break;
      }
      node = child;
    }
    return found;
  }

  private static Node child(Node node, String segment) {
    if (segment.startsWith("[")) {
      if (node instanceof SequenceNode s) {
        int i = Integer.parseInt(segment.substring(1, segment.length() - 1));
        return i < s.getValue().size() ? s.getValue().get(i) : null;
      }
      return null;
    }
    return YamlNodes.get(node, segment);
  }

  private static Node at(Node root, List<String> segments) {
    Node node = root;
    for (String s : segments) {
      node = child(node, s);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** Values paths that may write a level: named by its action, equal to it, named like it. */
  private List<List<String>> candidatesFor(Level level, Integer firstLine, boolean last) {
    Set<List<String>> found = new LinkedHashSet<>();
    if (level.node != null && sourceMap != null && firstLine != null) {
      int line = firstLine + level.node.getStartMark().getLine();
      sourceMap
          .line(line)
          .ifPresent(
              origin -> {
                // a subchart's .Values are its parent's under the subchart's name; its
                // .Values.global the parent's global too (Helm copies globals down)
                List<String> prefix = subchartPrefix(origin.file());
                for (String action : origin.actions()) {
                  Matcher m = VALUES_REF.matcher(action);
                  while (m.find()) {
                    List<String> ref = List.of(m.group(1).substring(1).split("\\."));
                    List<String> p = new ArrayList<>(prefix);
                    p.addAll(ref);
                    if (values.contains(p)) {
                      found.add(List.copyOf(p));
                    }
                    if (!prefix.isEmpty() && ref.get(0).equals("global") && values.contains(ref)) {
                      found.add(ref);
                    }
                  }
                }
              });
    }
    if (level.node != null) {
      Object data = ChartValues.Data.of(level.node);
      if (markable(data) && !empty(data)) {
        found.addAll(limit(values.find((p, v) -> ChartValues.Data.same(v, data))));
      }
    }
    String name = level.segments.get(level.segments.size() - 1);
    if (level.node == null && !name.startsWith("[")) {
      found.addAll(limit(values.missingInItems(name)));
    }
    if (!name.startsWith("[")) {
      found.addAll(
          limit(
              values.find(
                  (p, v) -> p.get(p.size() - 1).equals(name) && (v == null || markable(v)))));
    }
    return new ArrayList<>(found);
  }

  /**
   * The {@code .Values} paths the finding's template file reads, under the subchart's name for a
   * subchart's template, that the values have or could have (their parent is a map of the values,
   * or the top).
   */
  private List<List<String>> templateRefs(Finding f) {
    String text = templateText == null ? null : templateText.apply(f);
    List<List<String>> refs = new ArrayList<>();
    if (text == null) {
      return refs;
    }
    String template = f.location().template();
    int slash = template == null ? -1 : template.indexOf('/');
    List<String> prefix = slash < 0 ? List.of() : subchartPrefix(template.substring(slash + 1));
    Matcher m = VALUES_REF.matcher(text);
    while (m.find() && refs.size() < MAX_CANDIDATES) {
      List<String> p = new ArrayList<>(prefix);
      p.addAll(List.of(m.group(1).substring(1).split("\\.")));
      List<String> parent = p.subList(0, p.size() - 1);
      if (!refs.contains(p)
          && (values.contains(p) || parent.isEmpty() || values.get(parent) instanceof Map)) {
        refs.add(List.copyOf(p));
      }
    }
    return refs;
  }

  /** {@code charts/a/charts/b/templates/x.yaml} as {@code a}, {@code b}. */
  static List<String> subchartPrefix(String templateFile) {
    List<String> prefix = new ArrayList<>();
    if (templateFile == null) {
      return prefix;
    }
    String[] parts = templateFile.split("/");
    for (int i = 0; i + 1 < parts.length && parts[i].equals("charts"); i += 2) {
      prefix.add(parts[i + 1]);
    }
    return prefix;
  }

  private static List<List<String>> limit(List<List<String>> list) {
    return list.size() > PER_LEVEL ? list.subList(0, PER_LEVEL) : list;
  }

  private static boolean markable(Object v) {
    return v instanceof Map || v instanceof List || v instanceof String;
  }

  private static boolean empty(Object v) {
    return v == null
        || (v instanceof Map<?, ?> m && m.isEmpty())
        || (v instanceof List<?> l && l.isEmpty())
        || (v instanceof String s && s.isEmpty());
  }

  /** The marker for a values path, or null when its value cannot carry one (numbers, booleans). */
  private Marker marker(List<String> path, Level level, boolean last, int n) {
    String token = "chartlint-sentinel-" + nonce + "-" + n;
    Object value = values.get(path);
    if (value instanceof Map) {
      // Helm merges maps, so the marker key alone adds to what the chart sets there
      return new Marker(path, token, Kind.MAP, Map.of(token, token));
    }
    if (value instanceof String) {
      return new Marker(path, token, Kind.STRING, token);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list);
      boolean strings = !list.isEmpty() && list.stream().allMatch(i -> i instanceof String);
      if (strings || (list.isEmpty() && level.node instanceof SequenceNode s && scalars(s))) {
        copy.add(token);
        return new Marker(path, token, Kind.LIST_OF_STRINGS, copy);
      }
      copy.add(Map.of(token, token));
      return new Marker(path, token, Kind.LIST_OF_MAPS, copy);
    }
    if (value == null) {
      boolean scalar = level.node instanceof ScalarNode || (level.node == null && last);
      return scalar
          ? new Marker(path, token, Kind.STRING, token)
          : new Marker(path, token, Kind.MAP, Map.of(token, token));
    }
    return null;
  }

  private static boolean scalars(SequenceNode s) {
    return !s.getValue().isEmpty() && s.getValue().stream().allMatch(n -> n instanceof ScalarNode);
  }

  private Map<String, Object> override(
      List<List<String>> paths, Map<List<String>, Marker> markers) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (List<String> p : paths) {
      put(root, p, markers.get(p).value());
    }
    return root;
  }

  /**
   * Sets a path in an override. Through a list item it copies the list from the values, since a
   * values file replaces a list whole.
   */
  @SuppressWarnings("unchecked")
  private void put(Map<String, Object> root, List<String> path, Object value) {
    Object container = root;
    for (int i = 0; i < path.size(); i++) {
      String segment = path.get(i);
      boolean last = i == path.size() - 1;
      Object child;
      if (last) {
        child = value;
      } else if (path.get(i + 1).startsWith("[")) {
        child = readIn(container, segment);
        if (!(child instanceof List)) {
          Object fromValues = values.get(path.subList(0, i + 1));
          child = fromValues instanceof List<?> l ? ChartValues.deepCopy(l) : new ArrayList<>();
        }
      } else {
        child = readIn(container, segment);
        if (!(child instanceof Map)) {
          child = new LinkedHashMap<String, Object>();
        }
      }
      if (segment.startsWith("[")) {
        List<Object> list = (List<Object>) container;
        int index = Integer.parseInt(segment.substring(1, segment.length() - 1));
        if (index >= list.size()) {
          return;
        }
        list.set(index, child);
      } else {
        ((Map<String, Object>) container).put(segment, child);
      }
      container = child;
    }
  }

  private static Object readIn(Object container, String segment) {
    if (segment.startsWith("[")) {
      int index = Integer.parseInt(segment.substring(1, segment.length() - 1));
      return container instanceof List<?> l && index < l.size() ? l.get(index) : null;
    }
    return container instanceof Map<?, ?> m ? m.get(segment) : null;
  }

  private void check(
      Map<Finding, List<Level>> levels,
      Map<Finding, List<List<String>>> candidates,
      Map<List<String>, Marker> markers,
      List<List<String>> batch,
      Rendered after,
      Map<Finding, Proof> proven,
      Set<Finding> undecided) {
    Set<List<String>> inBatch = new HashSet<>(batch);
    for (Map.Entry<Finding, List<Level>> e : levels.entrySet()) {
      Finding f = e.getKey();
      if (proven.containsKey(f)) {
        continue;
      }
      KubeObject object = after.objects().get(f.resource());
      if (object == null) {
        // the markers renamed or removed the object: this render tells nothing about it
        if (candidates.get(f).stream().anyMatch(inBatch::contains)) {
          undecided.add(f);
        }
        continue;
      }
      List<String> field = field(f);
      search:
      for (Level level : e.getValue()) {
        Node node = at(object.root(), level.segments);
        if (node == null) {
          continue;
        }
        for (List<String> p : candidates.get(f)) {
          Marker m = markers.get(p);
          if (inBatch.contains(p) && appears(node, m)) {
            proven.put(f, proof(p, field, level));
            break search;
          }
        }
      }
    }
  }

  private Proof proof(List<String> p, List<String> field, Level level) {
    int n = level.segments.size();
    boolean exists = n == field.size() && level.node != null;
    List<String> reported = p;
    // a key the values lack (an item's missing key): shown by the deepest key they have
    while (!values.contains(reported) && reported.size() > 1) {
      reported = reported.subList(0, reported.size() - 1);
    }
    while (reported.size() > 1 && reported.get(reported.size() - 1).startsWith("[")) {
      reported = reported.subList(0, reported.size() - 1);
    }
    reported = List.copyOf(reported);
    if (level.node != null && n < field.size()) {
      List<String> rest = field.subList(n, field.size());
      // the field inside the value, when the render has it and the values hold it there
      List<String> inside = new ArrayList<>(p);
      inside.addAll(rest);
      if (rest.stream().noneMatch(s -> s.startsWith("["))) {
        Node whole = at(level.node, rest);
        if (whole != null) {
          exists = true;
          if (values.contains(inside)) {
            reported = List.copyOf(inside);
          }
        }
      }
    }
    return new Proof(p, reported, field, n, exists);
  }

  /** Whether a marker is at a rendered field. */
  private static boolean appears(Node node, Marker m) {
    return switch (m.kind()) {
      case MAP -> node instanceof MappingNode map && hasKey(map, m.token());
      case STRING -> node instanceof ScalarNode s && s.getValue().contains(m.token());
      case LIST_OF_MAPS ->
          node instanceof SequenceNode s
              && s.getValue().stream()
                  .anyMatch(i -> i instanceof MappingNode map && hasKey(map, m.token()));
      case LIST_OF_STRINGS ->
          node instanceof SequenceNode s
              && s.getValue().stream()
                  .anyMatch(i -> i instanceof ScalarNode sc && sc.getValue().contains(m.token()));
    };
  }

  private static boolean hasKey(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlaps(List<List<String>> chosen, List<String> path) {
    for (List<String> p : chosen) {
      int n = Math.min(p.size(), path.size());
      if (p.subList(0, n).equals(path.subList(0, n))) {
        return true;
      }
    }
    return false;
  }
}
