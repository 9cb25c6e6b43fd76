package io.chartlint.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.model.YamlNodes;
import org.junit.jupiter.api.Test;

class DocumentParserTest {
  private final DocumentParser parser = new DocumentParser(LoadLimits.DEFAULTS);

  private DocumentParser.Parsed parse(String text, int firstLine) {
    return parser.parse(new RawDocument(0, firstLine, text, 0, null, null));
  }

  @Test
  void reportsSyntaxErrorsAtTheirLineInTheStream() {
    DocumentParser.Parsed parsed = parse("a:\n  b: 1\n   c: 2\n", 10);
    assertThat(parsed.root()).isNull();
    assertThat(parsed.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(LoadProblem.Kind.SYNTAX);
              assertThat(p.line()).isEqualTo(12);
            });
  }

  @Test
  void reportsDuplicateKeysWithBothLines() {
    DocumentParser.Parsed parsed = parse("a: 1\nb: 2\na: 3\n", 1);
    assertThat(parsed.root()).isNotNull();
    assertThat(parsed.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(LoadProblem.Kind.DUPLICATE_KEY);
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.message()).contains("'a'").contains("first at line 1");
            });
  }

  @Test
  void resolvesMergeKeysWithExplicitKeysWinning() {
    DocumentParser.Parsed parsed = parse("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n", 1);
    assertThat(parsed.problems()).isEmpty();
    assertThat(YamlNodes.text(YamlNodes.at(parsed.root(), "m.x"))).isEqualTo("1");
    assertThat(YamlNodes.text(YamlNodes.at(parsed.root(), "m.y"))).isEqualTo("3");
  }

  @Test
  void stopsAnAliasBombAtTheExpansionLimit() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
    for (int i = 1; i < 30; i++) {
      bomb.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [*a")
          .append(i - 1)
          .append(", *a")
          .append(i - 1)
          .append("]\n");
    }
    DocumentParser.Parsed parsed = parse(bomb.toString(), 1);
    assertThat(parsed.root()).isNull();
    assertThat(parsed.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(LoadProblem.Kind.LIMIT);
              assertThat(p.message()).contains("more than 1000000 nodes");
            });
  }

  @Test
  void rejectsMoreAliasesThanTheLimit() {
    StringBuilder many = new StringBuilder("a: &a [x]\nb:\n");
    for (int i = 0; i < 150; i++) {
      many.append("  - *a\n");
    }
    DocumentParser.Parsed parsed = parse(many.toString(), 1);
    assertThat(parsed.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(LoadProblem.Kind.LIMIT));
  }

  @Test
  void readsSixtyLevelsButNotTwoHundred() {
    assertThat(parse(nested(60), 1).problems()).isEmpty();
    DocumentParser.Parsed deep = parse(nested(200), 1);
    assertThat(deep.root()).isNull();
    assertThat(deep.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(LoadProblem.Kind.LIMIT));
  }

  @Test
  void reportsARecursiveAlias() {
    DocumentParser.Parsed parsed = parse("a: &a [1, *a]\n", 1);
    assertThat(parsed.problems()).isNotEmpty();
    assertThat(parsed.root()).isNull();
  }

  @Test
  void readsYamlOneOneScalarsAsKubernetesDoes() {
    DocumentParser.Parsed parsed = parse("hostNetwork: yes\nmode: 0755\n", 1);
    assertThat(YamlNodes.isTrue(YamlNodes.get(parsed.root(), "hostNetwork"))).isTrue();
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth) + "\n";
  }
}
