package io.chartlint.core.load;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes one {@link RawDocument} into a SnakeYAML node tree with positions, YAML 1.1 as
 * Kubernetes' decoder reads it, and checks what the composer does not: duplicate keys, merge keys,
 * and the size of the tree once aliases are expanded.
 *
 * <p>One parser reads the documents of one stream, on one thread: it remembers how the plain
 * scalars it has seen resolve, since manifests repeat the same keys and values over and over.
 */
public final class DocumentParser {
  private final LoadLimits limits;
  private final Resolver resolver = new RememberingResolver();

  public DocumentParser(LoadLimits limits) {
    this.limits = limits;
  }

  /**
   * SnakeYAML's YAML 1.1 resolver, which matches a regular expression per plain scalar, with the
   * answers for short scalars remembered: the tag is a function of the text alone.
   */
  private static final class RememberingResolver extends Resolver {
    private static final int MAX_LENGTH = 64;
    private static final int MAX_ENTRIES = 4096;
    private final Map<String, Tag> plain = new HashMap<>();

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      if (kind != NodeId.scalar || !implicit || value.length() > MAX_LENGTH) {
        return super.resolve(kind, value, implicit);
      }
      Tag tag = plain.get(value);
      if (tag == null) {
        tag = super.resolve(kind, value, implicit);
        if (plain.size() < MAX_ENTRIES) {
          plain.put(value, tag);
        }
      }
      return tag;
    }
  }

  /**
   * The resolver of this parser's plain scalars, for a composer fed from another event stream; it
   * belongs to this parser's thread like the parser itself.
   */
  public Resolver resolver() {
    return resolver;
  }

  /** The result of parsing: a root (null for an empty or broken document) and its problems. */
  public record Parsed(Node root, List<LoadProblem> problems) {}

  public Parsed parse(RawDocument raw) {
    List<LoadProblem> problems = new ArrayList<>();
    if (raw.problem() != null) {
      problems.add(raw.problem());
    }
    if (raw.text() == null) {
      return new Parsed(null, problems);
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // reported below, with both lines
    options.setMaxAliasesForCollections(limits.maxAliasesForCollections());
    options.setNestingDepthLimit(limits.maxNestingDepth());
    options.setCodePointLimit(Math.max(limits.maxDocumentChars(), 1) + 16);
    options.setProcessComments(false);
    Node root;
    try {
      Composer composer =
          new Composer(
              new ParserImpl(new StreamReader(new StringReader(raw.text())), options),
              resolver,
              options);
      root = composer.getSingleNode();
    } catch (ReaderException e) {
      problems.add(unprintable(raw, e.getCodePoint()));
      return new Parsed(null, problems);
    } catch (MarkedYAMLException e) {
      problems.add(fromMarked(raw, e));
      return new Parsed(null, problems);
    } catch (YAMLException e) {
      // SnakeYAML's composer gives no position for the nesting limit: find where it is exceeded
      int line =
          e.getMessage() != null && e.getMessage().contains("Nesting Depth exceeded")
              ? raw.firstLine() + NestingDepth.lineExceeding(raw.text(), limits.maxNestingDepth())
              : raw.firstLine();
      problems.add(new LoadProblem(kindOf(e.getMessage()), line, 1, clean(e.getMessage())));
      return new Parsed(null, problems);
    } catch (StackOverflowError e) {
      problems.add(
          new LoadProblem(
              LoadProblem.Kind.LIMIT,
              raw.firstLine(),
              1,
              "document is nested too deeply to be read"));
      return new Parsed(null, problems);
    }
    if (root == null) {
      return new Parsed(null, problems);
    }
    new TreeCheck(raw.firstLine(), problems).check(root, raw.text().indexOf('*') >= 0);
    boolean fatal = problems.stream().anyMatch(p -> p.kind() == LoadProblem.Kind.LIMIT);
    return new Parsed(fatal ? null : root, problems);
  }

  /**
   * The checks of {@link #parse} for a tree composed elsewhere (from a filtered event stream): the
   * size once aliases are expanded, recursive aliases, duplicate keys; merge keys are flattened.
   *
   * @param firstLine the 1-based line that the composer's line 0 stands for
   * @param aliases whether the tree may contain aliases; without them it is a plain tree and is
   *     counted without remembering nodes
   */
  public List<LoadProblem> check(Node root, int firstLine, boolean aliases) {
    List<LoadProblem> problems = new ArrayList<>();
    new TreeCheck(firstLine, problems).check(root, aliases);
    return problems;
  }

  /** A character YAML does not allow, at its own line and column. */
  private static LoadProblem unprintable(RawDocument raw, int codePoint) {
    String text = raw.text();
    int line = 0;
    int column = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c == codePoint) {
        break;
      }
      if (c == '\n') {
        line++;
        column = 0;
      } else {
        column++;
      }
      i += Character.charCount(c);
    }
    return new LoadProblem(
        LoadProblem.Kind.SYNTAX,
        raw.firstLine() + line,
        column + 1,
        String.format(
            "special character U+%04X is not allowed in YAML; is this a binary file?", codePoint));
  }

  private static LoadProblem fromMarked(RawDocument raw, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    int line = mark == null ? raw.firstLine() : raw.firstLine() + mark.getLine();
    int column = mark == null ? 1 : mark.getColumn() + 1;
    int[] last = lastContent(raw.text());
    if (mark != null
        && (mark.getLine() > last[0] || (mark.getLine() == last[0] && column > last[1]))) {
      // found at the end of the document (an unclosed bracket or quote): the document's last
      // line, not the next "---" or a line past the end of the file
      line = raw.firstLine() + last[0];
      column = last[1];
    }
    StringBuilder message = new StringBuilder(clean(e.getProblem()));
    if (e.getContext() != null && e.getContextMark() != null) {
      message
          .append(" (")
          .append(clean(e.getContext()))
          .append(" at line ")
          .append(raw.firstLine() + Math.min(e.getContextMark().getLine(), last[0]))
          .append(')');
    }
    String text = message.toString();
    return new LoadProblem(kindOf(text), line, column, text);
  }

  /**
   * The 0-based line of the last character of a document that is not white space, and the 1-based
   * column just after it.
   */
  private static int[] lastContent(String text) {
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, end - lineStart + 1};
  }

  private static LoadProblem.Kind kindOf(String message) {
    String m = message == null ? "" : message;
    return m.contains("exceeds the specified max")
            || m.contains("Nesting Depth exceeded")
            || m.contains("exceeds the limit")
        ? LoadProblem.Kind.LIMIT
        : LoadProblem.Kind.SYNTAX;
  }

  private static String clean(String message) {
    return message == null ? "invalid YAML" : message.strip().replace('\n', ' ');
  }

  /** One pass over the tree: cycles, expanded size, duplicate keys, then merge keys flattened. */
  private final class TreeCheck {
    private final int firstLine;
    private final List<LoadProblem> problems;
    private final Map<Node, Long> sizes = new IdentityHashMap<>();
    private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
    private boolean stopped;

    TreeCheck(int firstLine, List<LoadProblem> problems) {
      this.firstLine = firstLine;
      this.problems = problems;
    }

    void check(Node root, boolean aliases) {
      // Without an alias no node is shared: the tree is a tree, and its size a plain count.
      long size = aliases ? size(root) : countTree(root);
      if (!stopped && size > limits.maxExpandedNodes()) {
        stop(root, "document expands to more than " + limits.maxExpandedNodes() + " nodes");
      }
    }

    private final ToLongFunction<Node> sizeOfChild = this::size;
    private final ToLongFunction<Node> countOfChild = this::countTree;

    private long size(Node node) {
      if (stopped) {
        return 0;
      }
      Long known = sizes.get(node);
      if (known != null) {
        return known;
      }
      if (onPath.containsKey(node)) {
        stop(node, "recursive alias: a collection contains itself");
        return 0;
      }
      onPath.put(node, Boolean.TRUE);
      long total = countWithChildren(node, sizeOfChild);
      onPath.remove(node);
      sizes.put(node, total);
      return total;
    }

    /**
     * {@link #size} for a document without aliases: the same checks, merge keys and limit, without
     * remembering nodes (none is reachable twice, so none can contain itself).
     */
    private long countTree(Node node) {
      if (stopped) {
        return 0;
      }
      return countWithChildren(node, countOfChild);
    }

    /**
     * The node and the nodes below it, each child counted by {@code child}; checks duplicate keys,
     * flattens merge keys and stops at the limit on the way.
     */
    private long countWithChildren(Node node, ToLongFunction<Node> child) {
      long total = 1;
      if (node instanceof MappingNode mapping) {
        checkDuplicates(mapping);
        for (NodeTuple tuple : mapping.getValue()) {
          total += child.applyAsLong(tuple.getKeyNode()) + child.applyAsLong(tuple.getValueNode());
          if (total > limits.maxExpandedNodes()) {
            break;
          }
        }
        if (!stopped) {
          flattenMerge(mapping);
        }
      } else if (node instanceof SequenceNode sequence) {
        for (Node item : sequence.getValue()) {
          total += child.applyAsLong(item);
          if (total > limits.maxExpandedNodes()) {
            break;
          }
        }
      }
      if (total > limits.maxExpandedNodes() && !stopped) {
        stop(
            node,
            "aliases expand the document to more than " + limits.maxExpandedNodes() + " nodes");
      }
      return total;
    }

    private void stop(Node node, String message) {
      stopped = true;
      problems.add(
          new LoadProblem(
              LoadProblem.Kind.LIMIT,
              firstLine + node.getStartMark().getLine(),
              node.getStartMark().getColumn() + 1,
              message));
    }

    private void checkDuplicates(MappingNode mapping) {
      List<NodeTuple> tuples = mapping.getValue();
      if (tuples.size() < 2) {
        return;
      }
      // small mappings, the usual case, are compared pairwise: no hashing of fresh strings
      Map<String, Node> seen = tuples.size() > 8 ? new HashMap<>() : null;
      for (int i = 0; i < tuples.size(); i++) {
        if (!(tuples.get(i).getKeyNode() instanceof ScalarNode key)
            || key.getTag().equals(Tag.MERGE)) {
          continue;
        }
        Node first = seen != null ? seen.putIfAbsent(key.getValue(), key) : earlier(tuples, i);
        if (first != null) {
          problems.add(
              new LoadProblem(
                  LoadProblem.Kind.DUPLICATE_KEY,
                  firstLine + key.getStartMark().getLine(),
                  key.getStartMark().getColumn() + 1,
                  "duplicate key '"
                      + key.getValue()
                      + "' (first at line "
                      + (firstLine + first.getStartMark().getLine())
                      + "; Kubernetes would silently keep only one of them)"));
        }
      }
    }

    /** The first scalar key before index i with the same text as the key at i, or null. */
    private Node earlier(List<NodeTuple> tuples, int i) {
      String value = ((ScalarNode) tuples.get(i).getKeyNode()).getValue();
      for (int j = 0; j < i; j++) {
        if (tuples.get(j).getKeyNode() instanceof ScalarNode key
            && key.getValue().equals(value)
            && !key.getTag().equals(Tag.MERGE)) {
          return key;
        }
      }
      return null;
    }

    /** Resolves {@code <<} merge keys as Kubernetes' YAML decoder does: explicit keys win. */
    private void flattenMerge(MappingNode mapping) {
      boolean hasMerge = false;
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
          hasMerge = true;
          break;
        }
      }
      if (!hasMerge) {
        return;
      }
      List<NodeTuple> merged = new ArrayList<>();
      List<NodeTuple> explicit = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
          Node value = tuple.getValueNode();
          if (value instanceof MappingNode source) {
            merged.addAll(source.getValue());
          } else if (value instanceof SequenceNode sources) {
            for (Node item : sources.getValue()) {
              if (item instanceof MappingNode source) {
                merged.addAll(source.getValue());
              }
            }
          }
        } else {
          explicit.add(tuple);
        }
      }
      Map<String, NodeTuple> byKey = new java.util.LinkedHashMap<>();
      for (NodeTuple tuple : merged) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          byKey.putIfAbsent(key.getValue(), tuple);
        }
      }
      for (NodeTuple tuple : explicit) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          byKey.remove(key.getValue());
        }
      }
      List<NodeTuple> result = new ArrayList<>(byKey.values());
      result.addAll(explicit);
      mapping.setValue(result);
      mapping.setMerged(false);
    }
  }
}
