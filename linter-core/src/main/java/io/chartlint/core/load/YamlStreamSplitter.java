package io.chartlint.core.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

/**
 * Cuts a YAML stream into documents at its {@code ---} and {@code ...} markers, before any parsing.
 *
 * <p>A YAML parser stops at the first error in a stream; cutting first means one broken document is
 * one finding and the documents after it are still read. A marker is only a marker at the start of
 * a line (YAML 1.1 §9.1.2), so a line that starts with {@code ---} can never belong to a block
 * scalar of the document before it. Lines are read through a bounded buffer: a document larger than
 * the limit is skipped without being held in memory, and memory stays flat however long the stream.
 * Read through a {@link Utf8Reader}, a document with bytes that are not UTF-8 is reported at the
 * line of the first of them and the documents after it are still read.
 */
public final class YamlStreamSplitter implements Closeable {
  private static final String SOURCE_PREFIX = "# Source: ";

  private final Reader in;
  private final int maxDocumentChars;
  private final char[] buffer = new char[16 * 1024];
  private int position;
  private int limit;
  private boolean endOfInput;
  private boolean finished;
  private int linesRead;
  private int index;
  private String pendingLine;
  private final StringBuilder line = new StringBuilder(256);
  private boolean lineTruncated;
  private int badEncodingLine;
  private boolean continuation;

  public YamlStreamSplitter(Reader in, LoadLimits limits) {
    this.in = in;
    this.maxDocumentChars = limits.maxDocumentChars();
  }

  /** The next document, or null at the end of the stream. */
  public RawDocument next() throws IOException {
    if (finished) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    boolean tooLarge = false;
    boolean sawStartMarker = false;
    boolean sawContent = false;
    String source = null;
    int firstLine = linesRead + 1 - (pendingLine == null ? 0 : 1);
    int lines = 0;
    while (true) {
      String current;
      if (pendingLine != null) {
        current = pendingLine;
        pendingLine = null;
      } else {
        try {
          current = readLine();
        } catch (CharacterCodingException e) {
          if (badEncodingLine == 0) {
            badEncodingLine = linesRead + 1;
          }
          if (!(in instanceof Utf8Reader)) {
            // other readers cannot go on past a bad byte
            finished = true;
            break;
          }
          // the rest of this line follows as if it were a line of its own: it is not a marker
          continuation = true;
          sawContent = true;
          continue;
        }
        if (current == null) {
          finished = true;
          if (lines == 0 && badEncodingLine == 0) {
            return null;
          }
          break;
        }
      }
      if (continuation) {
        continuation = false;
        lines++;
        continue;
      }
      if (isMarker(current, "---")) {
        if (sawStartMarker || sawContent) {
          pendingLine = current;
          break;
        }
        sawStartMarker = true;
      } else if (!sawContent && !isBlankOrComment(current)) {
        sawContent = true;
      }
      if (source == null && current.startsWith(SOURCE_PREFIX)) {
        source = current.substring(SOURCE_PREFIX.length()).trim();
      }
      lines++;
      if (!tooLarge) {
        if (lineTruncated || text.length() + current.length() + 1 > maxDocumentChars) {
          tooLarge = true;
          text = null;
        } else {
          text.append(current).append('\n');
        }
      }
      if (isMarker(current, "...")) {
        break;
      }
    }
    LoadProblem problem = null;
    if (badEncodingLine > 0) {
      problem =
          new LoadProblem(
              LoadProblem.Kind.SYNTAX,
              badEncodingLine,
              0,
              "the file is not valid UTF-8 text; Kubernetes manifests must be UTF-8");
      badEncodingLine = 0;
      return new RawDocument(index++, firstLine, null, lines, source, problem);
    }
    if (tooLarge) {
      problem =
          new LoadProblem(
              LoadProblem.Kind.LIMIT,
              firstLine,
              1,
              "document is larger than "
                  + humanSize(maxDocumentChars)
                  + " and was not read; no real object is that large (the API server refuses requests"
                  + " over 3 MiB)");
    }
    return new RawDocument(
        index++, firstLine, tooLarge ? null : text.toString(), lines, source, problem);
  }

  private static boolean isMarker(String line, String marker) {
    return line.startsWith(marker)
        && (line.length() == marker.length()
            || line.charAt(marker.length()) == ' '
            || line.charAt(marker.length()) == '\t');
  }

  private static boolean isBlankOrComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '#' || c == '%') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\uFEFF') {
        return false;
      }
    }
    return true;
  }

  private static String humanSize(int chars) {
    return chars % (1024 * 1024) == 0 ? (chars / (1024 * 1024)) + " MiB" : chars + " characters";
  }

  /** Reads one line without its terminator; keeps at most the size limit of it in memory. */
  private String readLine() throws IOException {
    line.setLength(0);
    lineTruncated = false;
    boolean any = false;
    while (true) {
      if (position >= limit) {
        if (endOfInput || !fill()) {
          if (!any) {
            return null;
          }
          break;
        }
      }
      int end = position;
      while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
        end++;
      }
      if (end > position) {
        any = true;
        int take = Math.min(end - position, Math.max(0, maxDocumentChars - line.length()));
        line.append(buffer, position, take);
        if (take < end - position) {
          lineTruncated = true;
        }
        position = end;
      }
      if (position >= limit) {
        continue; // the line goes on in the next buffer
      }
      char c = buffer[position++];
      any = true;
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        if (position >= limit && !endOfInput) {
          fill();
        }
        if (position < limit && buffer[position] == '\n') {
          position++;
        }
        break;
      }
    }
    linesRead++;
    if (linesRead == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
      line.deleteCharAt(0); // a byte order mark is not content
    }
    return line.toString();
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      endOfInput = true;
      position = 0;
      limit = 0;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
