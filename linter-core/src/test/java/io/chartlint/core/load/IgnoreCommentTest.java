package io.chartlint.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IgnoreCommentTest {
  private static IgnoreComment only(String line) {
    List<IgnoreComment> found = IgnoreComment.scan(line, 10);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void starCoversEveryRule() {
    IgnoreComment star = only("# chartlint:ignore *");
    assertThat(star.rules()).containsExactly("*");
    assertThat(star.covers("cpu-request-missing", 10)).isTrue();
    assertThat(star.covers("toleration-invalid", 11)).isTrue();
  }

  @Test
  void withoutARuleListItCoversEveryRule() {
    IgnoreComment bare = only("  # chartlint:ignore");
    assertThat(bare.rules()).containsExactly("*");
    assertThat(bare.reason()).isEmpty();
    assertThat(bare.covers("anything", 10)).isTrue();
  }

  @Test
  void aListCoversTheRulesItNamesOnly() {
    IgnoreComment list = only("image: x # chartlint:ignore a-rule,b-rule,, legacy image, see X-1");
    assertThat(list.rules()).containsExactly("a-rule", "b-rule");
    assertThat(list.reason()).isEqualTo("legacy image, see X-1");
    assertThat(list.covers("a-rule", 10)).isTrue();
    assertThat(list.covers("b-rule", 11)).isTrue();
    assertThat(list.covers("c-rule", 10)).isFalse();
    assertThat(list.covers("a-rul", 10)).isFalse();
  }

  @Test
  void coversItsOwnLineAndTheNextOnly() {
    IgnoreComment one = only("#chartlint:ignore a-rule");
    assertThat(one.line()).isEqualTo(10);
    assertThat(one.rules()).isEqualTo(Set.of("a-rule"));
    assertThat(one.covers("a-rule", 9)).isFalse();
    assertThat(one.covers("a-rule", 10)).isTrue();
    assertThat(one.covers("a-rule", 11)).isTrue();
    assertThat(one.covers("a-rule", 12)).isFalse();
  }

  @Test
  void linesAreCountedFromTheDocumentsFirstLine() {
    List<IgnoreComment> found =
        IgnoreComment.scan(
            "kind: Pod\n# chartlint:ignore a-rule\nmetadata: {}\n  # chartlint:ignore *  why \n",
            40);
    assertThat(found)
        .extracting(IgnoreComment::line, IgnoreComment::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(41, ""),
            org.assertj.core.groups.Tuple.tuple(43, "why"));
  }

  @Test
  void onlyACommentIsADirective() {
    assertThat(IgnoreComment.scan("name: x#chartlint:ignore *", 1)).isEmpty();
    assertThat(IgnoreComment.scan("note: chartlint:ignore a-rule", 1)).isEmpty();
    assertThat(IgnoreComment.scan("# chartlint:ignored a-rule", 1)).isEmpty();
    assertThat(IgnoreComment.scan("kind: Pod", 1)).isEmpty();
    assertThat(IgnoreComment.scan(null, 1)).isEmpty();
  }
}
