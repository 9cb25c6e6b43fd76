package io.chartlint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartlint.core.text.Escaping;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes JSON reports as a stream, so a report of a million findings is never a tree in memory, and
 * with every control character escaped: JSON escapes C0 controls itself, and here DEL, the C1
 * controls (U+009B is a terminal's CSI), the line separators and the bidi overrides are written as
 * {@code \\uXXXX} too, so a report printed to a terminal or a CI log carries no raw control.
 */
final class JsonOutput {
  private JsonOutput() {}

  /** Its factory carries the mapper as codec, so trees can be written into the stream. */
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  private static final CharacterEscapes CONTROLS = new Controls();

  /** A pretty-printing generator over a writer; the caller closes it, which leaves the writer. */
  static JsonGenerator open(Appendable out) throws IOException {
    Writer writer = AppendableWriter.of(out);
    JsonGenerator generator = MAPPER.getFactory().createGenerator(writer);
    generator.setPrettyPrinter(new DefaultPrettyPrinter());
    generator.setCharacterEscapes(CONTROLS);
    return generator;
  }

  private static final class Controls extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    Controls() {
      ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch <= 0xFFFF && Escaping.needsEscape((char) ch)
          ? new SerializedString(String.format("\\u%04X", ch))
          : null;
    }
  }
}
