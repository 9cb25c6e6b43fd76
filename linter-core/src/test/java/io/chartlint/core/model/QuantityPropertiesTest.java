package io.chartlint.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of canonical forms, over 1,000 quantities generated from a fixed seed (so a failure
 * reproduces) in all three formats: decimal SI, binary SI and decimal exponent.
 */
class QuantityPropertiesTest {
  private static final List<String> SIGNS = List.of("", "", "-", "+");
  private static final List<String> SUFFIXES =
      List.of("", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei");

  static Stream<String> quantities() {
    Random random = new Random(20261123L);
    return IntStream.range(0, 1000).mapToObj(i -> quantity(random));
  }

  private static String quantity(Random random) {
    StringBuilder s = new StringBuilder(SIGNS.get(random.nextInt(SIGNS.size())));
    s.append(digits(random, 1 + random.nextInt(random.nextBoolean() ? 4 : 22)));
    if (random.nextBoolean()) {
      s.append('.').append(digits(random, random.nextInt(13)));
    }
    int kind = random.nextInt(4);
    if (kind < 2) {
      s.append(SUFFIXES.get(random.nextInt(SUFFIXES.size())));
    } else {
      int exponent = random.nextInt(61) - 30;
      s.append(kind == 2 ? "e" + exponent : "E" + (exponent >= 0 ? "+" + exponent : exponent));
    }
    return s.toString();
  }

  private static String digits(Random random, int count) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < count; i++) {
      d.append((char) ('0' + random.nextInt(10)));
    }
    return d.toString();
  }

  @ParameterizedTest
  @MethodSource("quantities")
  void canonicalFormParsesBackToTheSameValue(String text) {
    Quantity q = Quantity.parse(text);
    Quantity reparsed = Quantity.parse(q.canonical());
    assertThat(reparsed).isEqualTo(q);
    assertThat(reparsed.value()).isEqualByComparingTo(q.value());
  }

  @ParameterizedTest
  @MethodSource("quantities")
  void canonicalFormIsAFixedPoint(String text) {
    String canonical = Quantity.parse(text).canonical();
    Quantity reparsed = Quantity.parse(canonical);
    assertThat(reparsed.canonical()).isEqualTo(canonical);
    assertThat(Quantity.parse(reparsed.canonical()).format()).isEqualTo(reparsed.format());
  }

  @ParameterizedTest
  @MethodSource("quantities")
  void equalQuantitiesShareAHashCode(String text) {
    Quantity x = Quantity.parse(text);
    Quantity y = Quantity.parse(x.canonical());
    Quantity other = Quantity.parse(quantity(new Random(text.hashCode())));
    assertThat(x.hashCode()).isEqualTo(y.hashCode());
    assertThat(x.equals(other)).isEqualTo(x.compareTo(other) == 0);
  }
}
