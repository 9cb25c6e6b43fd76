package io.chartlint.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes strict UTF-8 and reports each invalid byte sequence exactly where it is.
 *
 * <p>The JDK's {@code InputStreamReader} throws away every character it decoded in the same call
 * when it meets a bad byte, so a reader of lines learns of it up to a buffer's worth of lines too
 * early. This reader first hands out every character before the bad sequence, then throws one
 * {@link MalformedInputException}, then skips the sequence and goes on decoding: a caller can
 * report the line and keep reading the documents after it.
 */
public final class Utf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
  private boolean endOfInput;
  private boolean flushed;
  private int badLength;

  public Utf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (badLength > 0) {
      bytes.position(bytes.position() + badLength);
      badLength = 0;
    }
    CharBuffer out = CharBuffer.wrap(target, offset, length);
    while (out.position() == offset) {
      if (flushed) {
        return -1;
      }
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        if (out.position() > offset) {
          // hand out what came before; the next call reports the bad sequence
          return out.position() - offset;
        }
        badLength = result.length();
        throw new MalformedInputException(result.length());
      }
      if (result.isOverflow()) {
        break;
      }
      if (endOfInput) {
        decoder.flush(out);
        flushed = true;
        break;
      }
      if (out.position() > offset) {
        break; // underflow with characters in hand: do not block for more
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        endOfInput = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
    int n = out.position() - offset;
    return n == 0 && flushed ? -1 : n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
