package io.chartlint.core.report;

import java.io.IOException;
import java.io.Writer;

/**
 * A {@link Writer} over the {@link Appendable} a reporter is given, so JSON and XML stream into it
 * instead of being built as one string first: a report of a million findings is hundreds of
 * megabytes. Closing it leaves the target open.
 */
final class AppendableWriter extends Writer {
  private final Appendable out;

  private AppendableWriter(Appendable out) {
    this.out = out;
  }

  static Writer of(Appendable out) {
    return out instanceof Writer w ? w : new AppendableWriter(out);
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    out.append(java.nio.CharBuffer.wrap(buffer, offset, length));
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    out.append(text, offset, offset + length);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
