package io.chartlint.core.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * The documents of one YAML stream, each split off, parsed and wrapped as a {@link SourceDocument}
 * of its input: what linting a stream and proving a fix of it both read. A document that does not
 * parse still comes, with no root and its problems.
 */
public final class SourceDocuments implements Closeable {
  /**
   * One document of the stream.
   *
   * @param raw its text and where it starts
   * @param parsed its parse: root (or null) and problems
   * @param document the document as rules see it
   */
  public record Next(RawDocument raw, DocumentParser.Parsed parsed, SourceDocument document) {}

  private final InputSource source;
  private final YamlStreamSplitter splitter;
  private final DocumentParser parser;

  public SourceDocuments(InputSource source, Reader reader, LoadLimits limits) {
    this.source = source;
    this.splitter = new YamlStreamSplitter(reader, limits);
    this.parser = new DocumentParser(limits);
  }

  /** The next document, or null at the end of the stream. */
  public Next next() throws IOException {
    RawDocument raw = splitter.next();
    if (raw == null) {
      return null;
    }
    DocumentParser.Parsed parsed = parser.parse(raw);
    SourceDocument doc =
        new SourceDocument(
            source,
            raw.index(),
            raw.firstLine(),
            raw.sourceTemplate(),
            parsed.root(),
            parsed.problems(),
            IgnoreComment.scan(raw.text(), raw.firstLine()));
    return new Next(raw, parsed, doc);
  }

  @Override
  public void close() throws IOException {
    splitter.close();
  }
}
