package io.chartlint.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartlint.core.model.Quantity.Format;
import io.chartlint.core.model.QuantityFormatException.Reason;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

  private static final String REGEX_MESSAGE =
      "quantities must match the regular expression"
          + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "500MB", "500Mb", "1KiB", "1Gb", "1g", "1gi", "1.5.0", "1e3.5", "1_000", "1,000", "0x10",
        "NaN", "", " 1", "1 ", "B", "b", "g", "1\n", "1e3 ", "1KI", "1Ki B"
      })
  void rejectsWithTheRegexMessage(String input) {
    assertThatThrownBy(() -> Quantity.parse(input))
        .isInstanceOfSatisfying(
            QuantityFormatException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.FORMAT_WRONG);
              assertThat(e.input()).isEqualTo(input);
            })
        .hasMessage(REGEX_MESSAGE);
    assertThat(Quantity.tryParse(input)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1K", "1ki", "500mi", "1i", "1e", "1ee3", "K", "ki", "--1", "1Mi+", "1e+", "1k3", "1+",
        "1E-"
      })
  void rejectsUnknownSuffixes(String input) {
    assertThatThrownBy(() -> Quantity.parse(input))
        .isInstanceOfSatisfying(
            QuantityFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SUFFIX))
        .hasMessage("unable to parse quantity's suffix");
  }

  @ParameterizedTest
  @ValueSource(strings = {"e-10", ".e-10", "-.e-10", "Pi", "Ei", "-Ei", ".Pi"})
  void rejectsDigitlessNumbersOnlyWhereKubernetesTakesTheSlowPath(String input) {
    assertThatThrownBy(() -> Quantity.parse(input))
        .isInstanceOfSatisfying(
            QuantityFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NUMERIC))
        .hasMessage("unable to parse numeric part of quantity");
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "+", "-", "e3", "Ki", "Ti", "m", "-0", "000", "+.", "0.0"})
  void parsesScannerQuirksAsZero(String input) {
    Quantity q = Quantity.parse(input);
    assertThat(q.isZero()).isTrue();
    assertThat(q.canonical()).isEqualTo("0");
    assertThat(q.original()).isEqualTo(input);
  }

  @ParameterizedTest(name = "{0} = {1} ({2}), canonical {3}")
  @CsvSource({
    "0, 0, DECIMAL_SI, 0",
    "1, 1, DECIMAL_SI, 1",
    "0.5Gi, 536870912, BINARY_SI, 512Mi",
    "1.5Gi, 1610612736, BINARY_SI, 1536Mi",
    "3.5Ki, 3584, BINARY_SI, 3584",
    "1.1Ki, 1126.4, BINARY_SI, 1126400m",
    "1E, 1000000000000000000, DECIMAL_SI, 1E",
    "1E3, 1000, DECIMAL_EXPONENT, 1e3",
    "1e3, 1000, DECIMAL_EXPONENT, 1e3",
    "1e+3, 1000, DECIMAL_EXPONENT, 1e3",
    "1e-10, 0.000000001, DECIMAL_EXPONENT, 1e-9",
    "0.1m, 0.0001, DECIMAL_SI, 100u",
    "1.5n, 0.000000002, DECIMAL_SI, 2n",
    "0.1n, 0.000000001, DECIMAL_SI, 1n",
    "-1.5n, -0.000000002, DECIMAL_SI, -2n",
    ".5, 0.5, DECIMAL_SI, 500m",
    "5., 5, DECIMAL_SI, 5",
    "1.G, 1000000000, DECIMAL_SI, 1G",
    "01, 1, DECIMAL_SI, 1",
    "+1, 1, DECIMAL_SI, 1",
    "0001.500, 1.5, DECIMAL_SI, 1500m",
    "8Ei, 9223372036854775807, BINARY_SI, 9223372036854775807",
    "9Ei, 9223372036854775807, BINARY_SI, 9223372036854775807",
    "-9Ei, -9223372036854775807, BINARY_SI, -9223372036854775807",
    "1024Mi, 1073741824, BINARY_SI, 1Gi",
    "2048Ki, 2097152, BINARY_SI, 2Mi",
    "1000M, 1000000000, DECIMAL_SI, 1G",
    "1000m, 1, DECIMAL_SI, 1",
    "1.5, 1.5, DECIMAL_SI, 1500m",
    "0.5, 0.5, DECIMAL_SI, 500m",
    "500m, 0.5, DECIMAL_SI, 500m",
    "1Ki, 1024, BINARY_SI, 1Ki",
    "1023Ki, 1047552, BINARY_SI, 1023Ki",
    "1025, 1025, DECIMAL_SI, 1025",
    "100Mi, 104857600, BINARY_SI, 100Mi",
    "104857600, 104857600, DECIMAL_SI, 104857600",
    "1.2345, 1.2345, DECIMAL_SI, 1234500u",
    "18446744073709551616, 18446744073709551616, DECIMAL_SI, 18446744073709551616",
    "1000E, 1000000000000000000000, DECIMAL_SI, 1e21",
    "1.5e0, 1.5, DECIMAL_EXPONENT, 1500e-3",
    "12e6, 12000000, DECIMAL_EXPONENT, 12e6",
    "1e4294967296, 1, DECIMAL_EXPONENT, 1",
    "0.0001Ki, 0.1024, DECIMAL_SI, 102400u",
    "-1Gi, -1073741824, BINARY_SI, -1Gi",
    "-500m, -0.5, DECIMAL_SI, -500m",
    "100u, 0.0001, DECIMAL_SI, 100u",
    "1n, 0.000000001, DECIMAL_SI, 1n",
    "12Ti, 13194139533312, BINARY_SI, 12Ti",
    "1Pi, 1125899906842624, BINARY_SI, 1Pi",
    "2.5Pi, 2814749767106560, BINARY_SI, 2560Ti",
    "1024Ti, 1125899906842624, BINARY_SI, 1Pi",
    "-3Pi, -3377699720527872, BINARY_SI, -3Pi",
    "1P, 1000000000000000, DECIMAL_SI, 1P",
    "2T, 2000000000000, DECIMAL_SI, 2T",
    "3k, 3000, DECIMAL_SI, 3k"
  })
  void parsesValueFormatAndCanonicalForm(
      String input, BigDecimal value, Format format, String canonical) {
    Quantity q = Quantity.parse(input);
    assertThat(q.value()).isEqualByComparingTo(value);
    assertThat(q.format()).isEqualTo(format);
    assertThat(q.canonical()).isEqualTo(canonical);
    assertThat(q.original()).isEqualTo(input);
    assertThat(Quantity.tryParse(input)).contains(q);
  }

  @Test
  void parsesBareExaSuffixAsExa() {
    assertThat(Quantity.parse("1E").value()).isEqualByComparingTo("1e18");
    assertThat(Quantity.parse("1E").format()).isEqualTo(Format.DECIMAL_SI);
  }

  @ParameterizedTest
  @CsvSource({"1e4, 10e3", "1e5, 100e3", "1e-1, 100e-3", "1e-2, 10e-3", "15e1, 150"})
  void lowersTheExponentToAMultipleOfThree(String input, String canonical) {
    assertThat(Quantity.parse(input).canonical()).isEqualTo(canonical);
  }

  @Test
  void parsesHugeDecimalExponentsWithoutExpandingThem() {
    Quantity q = Quantity.parse("1e1000000");
    assertThat(q.canonical()).isEqualTo("10e999999");
    assertThat(q.compareTo(Quantity.parse("999e999997"))).isPositive();
  }

  @Test
  void roundsFarBelowNanoUpToOneNano() {
    assertThat(Quantity.parse("1e-1000000").canonical()).isEqualTo("1e-9");
    assertThat(Quantity.parse("-1e-1000000").canonical()).isEqualTo("-1e-9");
  }

  @Test
  void comparesExactly() {
    assertThat(Quantity.parse("1024Mi")).isEqualTo(Quantity.parse("1Gi"));
    assertThat(Quantity.parse("1024Mi")).hasSameHashCodeAs(Quantity.parse("1Gi"));
    assertThat(Quantity.parse("1Gi").compareTo(Quantity.parse("1073741824"))).isZero();
    assertThat(Quantity.parse("1G")).isLessThan(Quantity.parse("1Gi"));
    assertThat(Quantity.parse("0.5")).isEqualTo(Quantity.parse("500m"));
    assertThat(Quantity.parse("0.5")).hasSameHashCodeAs(Quantity.parse("500m"));
    assertThat(Quantity.parse("1n")).isGreaterThan(Quantity.parse("0"));
    assertThat(Quantity.parse("-1n")).isLessThan(Quantity.parse("0"));
    assertThat(Quantity.parse("999999999999999999999"))
        .isLessThan(Quantity.parse("1000000000000000000000"));
    assertThat(Quantity.parse("1m")).isNotEqualTo(Quantity.parse("1"));
  }

  @Test
  void reportsSignAndZero() {
    assertThat(Quantity.parse("-1").isNegative()).isTrue();
    assertThat(Quantity.parse("-0").isNegative()).isFalse();
    assertThat(Quantity.parse("1").isNegative()).isFalse();
    assertThat(Quantity.parse("0Ki").isZero()).isTrue();
    assertThat(Quantity.parse("1n").isZero()).isFalse();
    assertThat(Quantity.zero().isZero()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "1, true",
    "2k, true",
    "1000m, true",
    "0, true",
    "-3, true",
    "1Ki, true",
    "500m, false",
    "1.5, false",
    "1001m, false",
    "1e-3, false",
    "1.9999, true",
    "-0.9999, true",
    "1.5Ki, true",
    "1.1Ki, false",
    "1e100, true"
  })
  void judgesWholeNumbersAsKubernetesMilliValueDoes(String input, boolean integer) {
    assertThat(Quantity.parse(input).isInteger()).isEqualTo(integer);
  }

  @ParameterizedTest
  @CsvSource({
    "512m, 0.512",
    "1Gi, 1073741824",
    "1.5, 1.5",
    "1e3, 1000",
    "-2k, -2000",
    "0, 0",
    "1e-10, 0.000000001"
  })
  void describesTheExactValueInPlainDecimal(String input, String described) {
    assertThat(Quantity.parse(input).describe()).isEqualTo(described);
  }

  @Test
  void describesHugeExponentsInScientificNotation() {
    assertThat(Quantity.parse("1e100000").describe()).isEqualTo("1e100000");
  }

  @ParameterizedTest
  @CsvSource({
    "512m, 0.512 bytes",
    "1, 1 byte",
    "0, 0 bytes",
    "100, 100 bytes",
    "1Gi, 1 GiB",
    "1024Mi, 1 GiB",
    "1536Mi, 1536 MiB",
    "0.5Gi, 512 MiB",
    "1G, 1 GB",
    "1e9, 1 GB",
    "1073741824, 1 GiB",
    "1024000, 1024 kB",
    "1000Ki, 1000 KiB",
    "1025, 1025 bytes",
    "1E, 1 EB",
    "1Ei, 1 EiB",
    "1Pi, 1 PiB",
    "1536Ti, 1536 TiB",
    "-2Mi, -2 MiB"
  })
  void describesBytesInTheLargestExactUnit(String input, String bytes) {
    assertThat(Quantity.parse(input).humanBytes()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource({"500m, 0.5 cores", "1, 1 core", "2, 2 cores", "1m, 0.001 cores", "0, 0 cores"})
  void describesCores(String input, String cores) {
    assertThat(Quantity.parse(input).humanCores()).isEqualTo(cores);
  }

  @Test
  void printsTheOriginalText() {
    assertThat(Quantity.parse("1024Mi")).hasToString("1024Mi");
  }

  @ParameterizedTest(name = "yaml {0} -> {1} ({2})")
  @CsvSource({
    "0.5, 0.5, DECIMAL_SI, 500m",
    "1e9, 1000000000, DECIMAL_SI, 1G",
    "1E9, 1000000000, DECIMAL_SI, 1G",
    "104857600, 104857600, DECIMAL_SI, 104857600",
    "1.0, 1, DECIMAL_SI, 1",
    "0.1, 0.1, DECIMAL_SI, 100m",
    "1.5e3, 1500, DECIMAL_SI, 1500",
    "1e21, 1e21, DECIMAL_EXPONENT, 1e21",
    "1e-7, 0.0000001, DECIMAL_EXPONENT, 100e-9",
    "1.5e-7, 0.00000015, DECIMAL_EXPONENT, 150e-9",
    "0.000001, 0.000001, DECIMAL_SI, 1u",
    "1e-400, 0, DECIMAL_SI, 0",
    ".5, 0.5, DECIMAL_SI, 500m",
    "+2, 2, DECIMAL_SI, 2",
    "-0.0, 0, DECIMAL_SI, 0",
    "0x10, 16, DECIMAL_SI, 16",
    "0o17, 15, DECIMAL_SI, 15",
    "010, 8, DECIMAL_SI, 8",
    "08, 8, DECIMAL_SI, 8",
    "0b101, 5, DECIMAL_SI, 5",
    "0b-101, -5, DECIMAL_SI, -5",
    "1_000, 1000, DECIMAL_SI, 1k",
    "18446744073709551615, 18446744073709551615, DECIMAL_SI, 18446744073709551615",
    "99999999999999999999, 100000000000000000000, DECIMAL_SI, 100E",
    "0x10000000000000000, 18446744073709551616, DECIMAL_SI, 18446744073709551616",
    "0.30000000000000004, 0.300000001, DECIMAL_SI, 300000001n",
    "123456789.123456789, 123456789.12345679, DECIMAL_SI, 123456789123456790n",
    "500Mi, 524288000, BINARY_SI, 500Mi",
    "1e3.5, 0, DECIMAL_SI, 0"
  })
  void readsPlainYamlScalarsAsKubernetesReceivesThem(
      String yaml, BigDecimal value, Format format, String canonical) {
    if (yaml.equals("1e3.5")) {
      assertThatThrownBy(() -> Quantity.ofYamlNumber(yaml))
          .isInstanceOfSatisfying(
              QuantityFormatException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.FORMAT_WRONG));
      return;
    }
    Quantity q = Quantity.ofYamlNumber(yaml);
    assertThat(q.value()).isEqualByComparingTo(value);
    assertThat(q.format()).isEqualTo(format);
    assertThat(q.canonical()).isEqualTo(canonical);
    assertThat(q.original()).isEqualTo(yaml);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "~", "null", "Null", "NULL"})
  void readsYamlNullAsZero(String yaml) {
    assertThat(Quantity.ofYamlNumber(yaml).isZero()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"n", "N", "y", "yes", "on", "off", "true", "False"})
  void rejectsYamlBooleansEvenWhenTheyLookLikeSuffixes(String yaml) {
    assertThatThrownBy(() -> Quantity.ofYamlNumber(yaml))
        .isInstanceOfSatisfying(
            QuantityFormatException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.FORMAT_WRONG);
              assertThat(e.input()).isEqualTo(yaml);
            })
        .hasMessage(REGEX_MESSAGE);
  }

  @ParameterizedTest
  @CsvSource({
    ".nan, json: unsupported value: NaN",
    ".inf, json: unsupported value: +Inf",
    "-.Inf, json: unsupported value: -Inf"
  })
  void rejectsYamlNanAndInfinityBeforeKubernetesSeesThem(String yaml, String message) {
    assertThatThrownBy(() -> Quantity.ofYamlNumber(yaml))
        .isInstanceOfSatisfying(
            QuantityFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_JSON))
        .hasMessage(message);
  }

  @Test
  void parsesOversizedYamlFloatsAsTheStringTheyStayAs() {
    Quantity q = Quantity.ofYamlNumber("1e999");
    assertThat(q.format()).isEqualTo(Format.DECIMAL_EXPONENT);
    assertThat(q.canonical()).isEqualTo("1e999");
  }

  @ParameterizedTest
  @CsvSource({
    "0.1, 0.1",
    "1e21, 1e+21",
    "1e-7, 1e-7",
    "1.5e-10, 1.5e-10",
    "123456789012345678901234, 1.2345678901234569e+23",
    "100000000000000000000, 100000000000000000000",
    "5e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "-2.5, -2.5",
    "9007199254740993, 9007199254740992"
  })
  void writesFloatsAsGoEncodingJsonDoes(double value, String json) {
    assertThat(Quantity.YamlNumbers.jsonFloat(value)).isEqualTo(json);
  }
}
