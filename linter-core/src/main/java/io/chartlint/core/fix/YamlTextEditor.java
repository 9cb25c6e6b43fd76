package io.chartlint.core.fix;

import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns an {@link Edit} into changes to the text of one document, at the positions SnakeYAML gives
 * its nodes, so that everything the edit does not touch (comments, key order, quoting, flow or
 * block style) stays byte for byte. What it inserts follows the document's own indentation.
 */
final class YamlTextEditor {

  /** A replacement of {@code [start, end)} of the file's text. */
  record TextChange(int start, int end, String text) {}

  /** Why an edit cannot be made to this text. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  private final String text;
  private final int[] lineStarts;
  private final int firstLine;
  private final String newline;
  private final int mappingStep;
  private final int sequenceOffset;

  /**
   * @param text the whole file
   * @param lineStarts the offset of each line of the file
   * @param firstLine the 1-based line of the file on which the document starts
   * @param root the document's root, to learn its indentation
   */
  YamlTextEditor(String text, int[] lineStarts, int firstLine, Node root) {
    this.text = text;
    this.lineStarts = lineStarts;
    this.firstLine = firstLine;
    this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    int[] style = {0, -1};
    learn(root, style);
    this.mappingStep = style[0] > 0 ? style[0] : 2;
    this.sequenceOffset = style[1] >= 0 ? style[1] : 0;
  }

  /** The changes that make an edit, whose target is below {@code object}. */
  List<TextChange> changes(Node object, Edit edit) throws Refused {
    Node target = resolve(object, edit.target());
    switch (edit.kind()) {
      case QUOTE:
        return List.of(quote(target, (String) edit.value()));
      case REMOVE_ITEM:
        Node parent = resolve(object, edit.target().subList(0, edit.target().size() - 1));
        return List.of(removeItem(parent, target));
      case REQUIRE_NODE_AFFINITY:
        return requireNodeAffinity(target, edit.requirements());
      default:
        throw new Refused("unknown edit " + edit.kind());
    }
  }

  private static Node resolve(Node root, List<String> segments) throws Refused {
    Node node = root;
    for (String part : segments) {
      if (part.startsWith("[") && node instanceof SequenceNode s) {
        int i = Integer.parseInt(part.substring(1, part.length() - 1));
        if (i >= s.getValue().size()) {
          throw new Refused("the field " + YamlNodes.pathOf(segments) + " is no longer there");
        }
        node = s.getValue().get(i);
      } else {
        node = YamlNodes.get(node, part);
      }
      if (node == null) {
        throw new Refused("the field " + YamlNodes.pathOf(segments) + " is no longer there");
      }
    }
    return node;
  }

  // ---- quoting

  private TextChange quote(Node target, String value) throws Refused {
    if (!(target instanceof ScalarNode scalar)
        || scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
      throw new Refused("the value is not a plain scalar any more");
    }
    return new TextChange(
        offset(target.getStartMark()), offset(target.getEndMark()), quoted(value));
  }

  /** A double-quoted YAML string that reads back as exactly {@code value}. */
  static String quoted(String value) {
    StringBuilder s = new StringBuilder("\"");
    value
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    s.append(String.format("\\x%02x", c));
                  } else {
                    s.appendCodePoint(c);
                  }
                }
              }
            });
    return s.append('"').toString();
  }

  // ---- removing a list item

  private TextChange removeItem(Node parent, Node item) throws Refused {
    if (!(parent instanceof SequenceNode seq)) {
      throw new Refused("the item is not in a list");
    }
    List<Node> items = seq.getValue();
    int index = indexOf(items, item);
    if (index < 0 || items.size() < 2) {
      throw new Refused("the list would be left empty");
    }
    if (seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      if (index < items.size() - 1) {
        return new TextChange(
            offset(item.getStartMark()), offset(items.get(index + 1).getStartMark()), "");
      }
      return new TextChange(
          offset(items.get(index - 1).getEndMark()), offset(item.getEndMark()), "");
    }
    int dash = dashBefore(item);
    int start = lineStartOf(dash);
    if (!text.substring(start, dash).isBlank()) {
      throw new Refused("the item shares its line with other text");
    }
    int end =
        index < items.size() - 1
            ? lineStartOf(dashBefore(items.get(index + 1)))
            : afterLine(contentEnd(item));
    return new TextChange(start, end, "");
  }

  private static int indexOf(List<Node> items, Node item) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == item) {
        return i;
      }
    }
    return -1;
  }

  /** The offset of the {@code -} that introduces a block sequence item. */
  private int dashBefore(Node item) throws Refused {
    int i = offset(item.getStartMark()) - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
      i--;
    }
    if (i < 0 || text.charAt(i) != '-') {
      throw new Refused("cannot find the item's '-' in the text");
    }
    return i;
  }

  // ---- node affinity

  private List<TextChange> requireNodeAffinity(Node spec, List<Map<String, Object>> requirements)
      throws Refused {
    Map<String, Object> term = Map.of("matchExpressions", requirements);
    Map<String, Object> required = Map.of("nodeSelectorTerms", List.of(term));
    Map<String, Object> nodeAffinity =
        Map.of("requiredDuringSchedulingIgnoredDuringExecution", required);
    Node affinity = YamlNodes.get(spec, "affinity");
    if (isAbsent(affinity)) {
      return List.of(put(spec, "affinity", Map.of("nodeAffinity", nodeAffinity)));
    }
    Node na = YamlNodes.get(affinity, "nodeAffinity");
    if (isAbsent(na)) {
      return List.of(put(affinity, "nodeAffinity", nodeAffinity));
    }
    Node req = YamlNodes.get(na, "requiredDuringSchedulingIgnoredDuringExecution");
    if (isAbsent(req)) {
      return List.of(put(na, "requiredDuringSchedulingIgnoredDuringExecution", required));
    }
    Node terms = YamlNodes.get(req, "nodeSelectorTerms");
    if (!(terms instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
      throw new Refused("the required node affinity has no list of terms to add to");
    }
    List<TextChange> changes = new ArrayList<>();
    for (Node t : seq.getValue()) {
      Node expressions = YamlNodes.get(t, "matchExpressions");
      Node fields = YamlNodes.get(t, "matchFields");
      if (YamlNodes.items(expressions).isEmpty() && YamlNodes.items(fields).isEmpty()) {
        // An empty term matches no node (core/v1 types.go NodeSelectorTerm); requirements added
        // to it would make it match some.
        continue;
      }
      if (expressions instanceof SequenceNode list && !list.getValue().isEmpty()) {
        changes.add(append(list, requirements));
      } else if (expressions == null) {
        changes.add(put(t, "matchExpressions", requirements));
      } else {
        throw new Refused("a term's matchExpressions is not a list");
      }
    }
    if (changes.isEmpty()) {
      throw new Refused("no required node affinity term can take the requirements");
    }
    return changes;
  }

  private static boolean isAbsent(Node node) {
    return node == null || YamlNodes.isNull(node);
  }

  /** Adds a key to a mapping, or sets it where the mapping holds it with a null value. */
  private TextChange put(Node mapping, String key, Object value) throws Refused {
    if (!(mapping instanceof MappingNode m)) {
      throw new Refused("the field to add " + key + " to is not a mapping");
    }
    for (NodeTuple tuple : m.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return setNull(tuple, value);
      }
    }
    if (m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      int close = offset(m.getEndMark()) - 1;
      if (close < 0 || text.charAt(close) != '}') {
        throw new Refused("cannot find the end of a flow mapping");
      }
      return new TextChange(
          close, close, (m.getValue().isEmpty() ? "" : ", ") + key + ": " + flow(value));
    }
    if (m.getValue().isEmpty()) {
      throw new Refused("an empty block mapping");
    }
    int indent = m.getValue().get(0).getKeyNode().getStartMark().getColumn();
    int at = afterLine(contentEnd(m));
    StringBuilder s = new StringBuilder();
    entry(s, key, value, indent);
    return insert(at, s.toString());
  }

  /** Gives a key whose value is null ({@code affinity:} or {@code affinity: null}) a value. */
  private TextChange setNull(NodeTuple tuple, Object value) throws Refused {
    Node key = tuple.getKeyNode();
    int indent = key.getStartMark().getColumn();
    if (lineStartOf(offset(key.getStartMark())) + indent != offset(key.getStartMark())) {
      throw new Refused("the key does not start its line");
    }
    Node nul = tuple.getValueNode();
    int keyEnd = offset(key.getEndMark());
    int colon = text.indexOf(':', keyEnd);
    int lineEnd = text.indexOf('\n', colon);
    int nullEnd = offset(nul.getEndMark());
    int valueEnd = nullEnd > colon && (lineEnd < 0 || nullEnd <= lineEnd) ? nullEnd : colon + 1;
    if (colon < 0 || (lineEnd >= 0 && colon > lineEnd)) {
      throw new Refused("cannot find the key's ':'");
    }
    StringBuilder s = new StringBuilder(":");
    block(s, value, indent + (value instanceof List ? sequenceOffset : mappingStep), true);
    String replacement = s.toString();
    // the line's own line break stays; the block ends with one of its own
    replacement = replacement.substring(0, replacement.length() - newline.length());
    return new TextChange(colon, valueEnd, replacement);
  }

  /** Appends items to a non-empty sequence, in the style of its first item. */
  private TextChange append(SequenceNode list, List<Map<String, Object>> items) throws Refused {
    if (list.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      int close = offset(list.getEndMark()) - 1;
      if (close < 0 || text.charAt(close) != ']') {
        throw new Refused("cannot find the end of a flow list");
      }
      StringBuilder s = new StringBuilder();
      for (Map<String, Object> item : items) {
        s.append(", ").append(flow(item));
      }
      return new TextChange(close, close, s.toString());
    }
    Node first = list.getValue().get(0);
    int dash = dashBefore(first);
    int indent = dash - lineStartOf(dash);
    boolean flowItems =
        first instanceof CollectionNode<?> c && c.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    int at = afterLine(contentEnd(list));
    StringBuilder s = new StringBuilder();
    for (Map<String, Object> item : items) {
      if (flowItems) {
        s.append(" ".repeat(indent)).append("- ").append(flow(item)).append(newline);
      } else {
        item(s, item, indent);
      }
    }
    return insert(at, s.toString());
  }

  /** Inserts whole lines; at the end of a file whose last line has no line break, after one. */
  private TextChange insert(int at, String lines) {
    boolean needsBreak = at == text.length() && at > 0 && text.charAt(at - 1) != '\n';
    return new TextChange(at, at, needsBreak ? newline + lines : lines);
  }

  // ---- writing YAML in the document's style

  private void entry(StringBuilder s, String key, Object value, int indent) {
    s.append(" ".repeat(indent)).append(key).append(':');
    if (value instanceof Map || value instanceof List) {
      block(s, value, indent + (value instanceof List ? sequenceOffset : mappingStep), true);
    } else {
      s.append(' ').append(Scalars.string(String.valueOf(value))).append(newline);
    }
  }

  /** Writes a map or list in block style at {@code indent}, after a line break when asked. */
  private void block(StringBuilder s, Object value, int indent, boolean breakFirst) {
    if (breakFirst) {
      s.append(newline);
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> entry(s, String.valueOf(k), v, indent));
    } else if (value instanceof List<?> list) {
      for (Object v : list) {
        item(s, v, indent);
      }
    }
  }

  private void item(StringBuilder s, Object value, int indent) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder inner = new StringBuilder();
      map.forEach((k, v) -> entry(inner, String.valueOf(k), v, indent + 2));
      s.append(" ".repeat(indent)).append("- ").append(inner.substring(indent + 2));
    } else {
      s.append(" ".repeat(indent))
          .append("- ")
          .append(Scalars.string(String.valueOf(value)))
          .append(newline);
    }
  }

  static String flow(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      map.forEach((k, v) -> parts.add(k + ": " + flow(v)));
      return "{" + String.join(", ", parts) + "}";
    }
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      list.forEach(v -> parts.add(flow(v)));
      return "[" + String.join(", ", parts) + "]";
    }
    return Scalars.string(String.valueOf(value));
  }

  // ---- positions

  /** The offset in the file of a mark of this document. */
  int offset(Mark mark) {
    int line = firstLine - 1 + mark.getLine();
    if (line >= lineStarts.length) {
      return text.length();
    }
    int start = lineStarts[line];
    int lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
    try {
      return Math.min(text.offsetByCodePoints(start, mark.getColumn()), lineEnd);
    } catch (IndexOutOfBoundsException e) {
      return lineEnd;
    }
  }

  private int lineStartOf(int offset) {
    int i = offset;
    while (i > 0 && text.charAt(i - 1) != '\n') {
      i--;
    }
    return i;
  }

  /** The offset itself when it starts a line, else the start of the next line. */
  private int afterLine(int offset) {
    if (offset == lineStartOf(offset)) {
      return offset;
    }
    int nl = text.indexOf('\n', offset);
    return nl < 0 ? text.length() : nl + 1;
  }

  /**
   * Where a node's own text ends: for a block collection, the end of its last value rather than its
   * end mark, which SnakeYAML puts after any comments and blank lines that follow.
   */
  private int contentEnd(Node node) {
    if (node instanceof MappingNode m
        && m.getFlowStyle() != DumperOptions.FlowStyle.FLOW
        && !m.getValue().isEmpty()) {
      NodeTuple last = m.getValue().get(m.getValue().size() - 1);
      return Math.max(contentEnd(last.getValueNode()), offset(last.getKeyNode().getEndMark()));
    }
    if (node instanceof SequenceNode s
        && s.getFlowStyle() != DumperOptions.FlowStyle.FLOW
        && !s.getValue().isEmpty()) {
      return contentEnd(s.getValue().get(s.getValue().size() - 1));
    }
    return offset(node.getEndMark());
  }

  /**
   * Learns the indentation step of nested mappings and where a block list's {@code -} sits relative
   * to its key (0 as Helm's toYaml and kubectl write it, or 2), from the first of each.
   */
  private static void learn(Node node, int[] style) {
    if (!(node instanceof MappingNode m) || m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      if (node instanceof SequenceNode s) {
        for (Node item : s.getValue()) {
          learn(item, style);
        }
      }
      return;
    }
    for (NodeTuple tuple : m.getValue()) {
      int keyColumn = tuple.getKeyNode().getStartMark().getColumn();
      Node value = tuple.getValueNode();
      if (style[0] == 0
          && value instanceof MappingNode child
          && child.getFlowStyle() != DumperOptions.FlowStyle.FLOW
          && !child.getValue().isEmpty()) {
        int step = child.getValue().get(0).getKeyNode().getStartMark().getColumn() - keyColumn;
        if (step > 0) {
          style[0] = step;
        }
      }
      if (style[1] < 0
          && value instanceof SequenceNode seq
          && seq.getFlowStyle() != DumperOptions.FlowStyle.FLOW
          && !seq.getValue().isEmpty()
          && seq.getStartMark().getLine() > tuple.getKeyNode().getStartMark().getLine()) {
        // the sequence's start mark is its first '-'
        int offset = seq.getStartMark().getColumn() - keyColumn;
        if (offset >= 0) {
          style[1] = offset;
        }
      }
      learn(value, style);
    }
  }
}
