package io.chartlint.core.load;

import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One parsed document of an input, with everything needed to place a finding: the file, the line
 * offset of the document in it, the template it was rendered from.
 */
public final class SourceDocument {
  private final InputSource source;
  private final int index;
  private final int firstLine;
  private final String template;
  private final Node root;
  private final List<LoadProblem> problems;
  private final List<IgnoreComment> ignoreComments;

  public SourceDocument(
      InputSource source,
      int index,
      int firstLine,
      String template,
      Node root,
      List<LoadProblem> problems,
      List<IgnoreComment> ignoreComments) {
    this.source = source;
    this.index = index;
    this.firstLine = firstLine;
    this.template = template;
    this.root = root;
    this.problems = List.copyOf(problems);
    this.ignoreComments = List.copyOf(ignoreComments);
  }

  /** The input this document was read from. */
  public InputSource source() {
    return source;
  }

  /** The 0-based position of the document in its stream. */
  public int index() {
    return index;
  }

  /** The 1-based line of the stream on which the document starts. */
  public int firstLine() {
    return firstLine;
  }

  /** The template named by Helm's {@code # Source:} comment, or null. */
  public String template() {
    return template;
  }

  /** The root node, or null when the document is empty or could not be parsed. */
  public Node root() {
    return root;
  }

  /** What kept the document from being read as intended. */
  public List<LoadProblem> problems() {
    return problems;
  }

  /** The {@code # chartlint:ignore} comments in the document. */
  public List<IgnoreComment> ignoreComments() {
    return ignoreComments;
  }

  /** The 1-based line in the stream where a node starts. */
  public int line(Node node) {
    return firstLine + node.getStartMark().getLine();
  }

  /** The 1-based column where a node starts. */
  public int column(Node node) {
    return node.getStartMark().getColumn() + 1;
  }
}
