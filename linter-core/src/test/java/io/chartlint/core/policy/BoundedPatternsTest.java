package io.chartlint.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.regex.RegularExpression;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoundedPatternsTest {
  private final BoundedPatterns patterns = new BoundedPatterns(Duration.ofMillis(100));

  @Test
  void aPatternThatFinishesMatchesAsJsonSchemaSays() {
    // JSON Schema's pattern is unanchored (a search), and networknt's translation of $ applies
    RegularExpression letters = patterns.getRegularExpression("^[a-z]+$");
    assertThat(letters.matches("web")).isTrue();
    assertThat(letters.matches("web\n")).isFalse();
    assertThat(patterns.getRegularExpression("b").matches("abc")).isTrue();
    assertThat(patterns.getRegularExpression("\\p{Letter}+").matches("é")).isTrue();
  }

  @Test
  void aPatternThatBacktracksWithoutBoundStopsAtTheLimit() {
    // a counted repetition of a group with .* backtracks polynomially (n^12 here): Java's loop
    // memoization does not cover it; on 41 characters it would take minutes
    RegularExpression slow = patterns.getRegularExpression("(.*a){12}$");
    String value = "a".repeat(40) + "!";
    assertThatThrownBy(() -> slow.matches(value))
        .isInstanceOfSatisfying(
            BoundedPatterns.TooSlow.class,
            e -> {
              assertThat(e.pattern()).isEqualTo("(.*a){12}$");
              assertThat(e.valueLength()).isEqualTo(41);
            });
    // the same pattern on a value it settles quickly still matches
    assertThat(slow.matches("a".repeat(12))).isTrue();
  }
}
