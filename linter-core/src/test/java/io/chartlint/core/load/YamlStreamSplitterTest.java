package io.chartlint.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlStreamSplitterTest {

  private static List<RawDocument> split(Reader reader, LoadLimits limits) throws IOException {
    List<RawDocument> docs = new ArrayList<>();
    try (YamlStreamSplitter splitter = new YamlStreamSplitter(reader, limits)) {
      RawDocument doc;
      while ((doc = splitter.next()) != null) {
        docs.add(doc);
      }
    }
    return docs;
  }

  private static List<RawDocument> split(String text) throws IOException {
    return split(new StringReader(text), LoadLimits.DEFAULTS);
  }

  @Test
  void cutsAtDocumentMarkersAndKeepsTheLineOfEachDocument() throws IOException {
    List<RawDocument> docs =
        split("a: 1\n---\nb: 2\nc: 3\n---\n# Source: x/templates/y.yaml\nd: 4\n");
    assertThat(docs).extracting(RawDocument::firstLine).containsExactly(1, 2, 5);
    assertThat(docs.get(1).text()).isEqualTo("---\nb: 2\nc: 3\n");
    assertThat(docs.get(2).sourceTemplate()).isEqualTo("x/templates/y.yaml");
  }

  @Test
  void commentsBeforeTheFirstMarkerBelongToTheFirstDocument() throws IOException {
    List<RawDocument> docs = split("# leading comment\n---\n# Source: c/templates/a.yaml\na: 1\n");
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).sourceTemplate()).isEqualTo("c/templates/a.yaml");
  }

  @Test
  void indentedMarkerLikeLinesAreContent() throws IOException {
    List<RawDocument> docs = split("a: |\n  ---\n  text\nb: 2\n");
    assertThat(docs).hasSize(1);
  }

  @Test
  void documentEndMarkerEndsTheDocument() throws IOException {
    List<RawDocument> docs = split("a: 1\n...\nb: 2\n");
    assertThat(docs).extracting(RawDocument::firstLine).containsExactly(1, 3);
  }

  @Test
  void handlesCrLfAndByteOrderMark() throws IOException {
    List<RawDocument> docs = split("\uFEFFa: 1\r\n---\r\nb: 2\r\n");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).text()).isEqualTo("a: 1\n");
    assertThat(docs.get(1).firstLine()).isEqualTo(2);
  }

  @Test
  void skipsADocumentLargerThanTheLimitWithoutHoldingIt() throws IOException {
    LoadLimits small = new LoadLimits(100, 100, 100, 1_000_000);
    String big = "a: " + "x".repeat(500) + "\n";
    List<RawDocument> docs =
        split(new StringReader("ok: 1\n---\n" + big + "---\nafter: 1\n"), small);
    assertThat(docs).hasSize(3);
    assertThat(docs.get(1).text()).isNull();
    assertThat(docs.get(1).problem().kind()).isEqualTo(LoadProblem.Kind.LIMIT);
    assertThat(docs.get(1).problem().line()).isEqualTo(2);
    assertThat(docs.get(2).text()).isEqualTo("---\nafter: 1\n");
  }

  @Test
  void reportsTextThatIsNotUtf8AtItsLine() throws IOException {
    byte[] bytes = "a: 1\n---\nb: \u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Reader reader =
        new InputStreamReader(
            new ByteArrayInputStream(bytes),
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT));
    List<RawDocument> docs = split(reader, LoadLimits.DEFAULTS);
    RawDocument last = docs.get(docs.size() - 1);
    assertThat(last.problem()).isNotNull();
    assertThat(last.problem().message()).contains("not valid UTF-8");
  }

  @Test
  void reportsEachBadByteAtItsLineAndReadsTheDocumentsAroundIt() throws IOException {
    String before = "a: 1\n".repeat(5000); // more than one buffer of characters
    byte[] bytes =
        (before + "---\nb: caf\u00e9 \u00e9\n---x\n---\nc: 3\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    List<RawDocument> docs =
        split(new Utf8Reader(new ByteArrayInputStream(bytes)), LoadLimits.DEFAULTS);
    assertThat(docs).hasSize(3);
    assertThat(docs.get(0).problem()).isNull();
    assertThat(docs.get(0).lineCount()).isEqualTo(5000);
    assertThat(docs.get(1).problem().line()).isEqualTo(5002);
    assertThat(docs.get(1).problem().message()).contains("not valid UTF-8");
    assertThat(docs.get(1).text()).isNull();
    assertThat(docs.get(2).firstLine()).isEqualTo(5004);
    assertThat(docs.get(2).text()).isEqualTo("---\nc: 3\n");
  }

  @Test
  void reportsABadLastByteWithoutALineEnd() throws IOException {
    byte[] bytes = {'a', ':', ' ', (byte) 0xFF};
    List<RawDocument> docs =
        split(new Utf8Reader(new ByteArrayInputStream(bytes)), LoadLimits.DEFAULTS);
    assertThat(docs).singleElement().satisfies(d -> assertThat(d.problem().line()).isEqualTo(1));
  }
}
