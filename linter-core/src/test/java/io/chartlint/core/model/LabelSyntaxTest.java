package io.chartlint.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSyntaxTest {

  private static final String NAME_REGEX_MESSAGE =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
          + " validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  private static final String SUBDOMAIN_MESSAGE =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
          + " regex used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  private static final String VALUE_MESSAGE =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
          + " 'my_value',  or '12345', regex used for validation is"
          + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  private static final String DECIMAL_MESSAGE = "must be a valid decimal integer in canonical form";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "app",
        "a",
        "MyName",
        "my.name",
        "123-abc",
        "app.kubernetes.io/name",
        "kubernetes.io/hostname",
        "node-role.kubernetes.io/control-plane",
        "example.com/My_Name.v2",
        "a/b"
      })
  void acceptsValidLabelKeys(String key) {
    assertThat(LabelSyntax.qualifiedNameErrors(key)).isEmpty();
  }

  @Test
  void rejectsUppercasePrefixWithTheSubdomainMessage() {
    assertThat(LabelSyntax.qualifiedNameErrors("Example.com/app"))
        .containsExactly("prefix part " + SUBDOMAIN_MESSAGE);
  }

  @Test
  void rejectsNameStartingWithDashWithTwoSpacesBeforeOr() {
    assertThat(LabelSyntax.qualifiedNameErrors("-app"))
        .containsExactly("name part " + NAME_REGEX_MESSAGE);
    assertThat(LabelSyntax.qualifiedNameErrors("-app").get(0))
        .contains("(e.g. 'MyName',  or 'my.name',  or '123-abc', ");
  }

  @Test
  void rejectsEmptyKeyWithBothEmptyAndRegexMessages() {
    assertThat(LabelSyntax.qualifiedNameErrors(""))
        .containsExactly("name part must be non-empty", "name part " + NAME_REGEX_MESSAGE);
  }

  @Test
  void rejectsEmptyPrefixAndEmptyName() {
    assertThat(LabelSyntax.qualifiedNameErrors("/"))
        .containsExactly(
            "prefix part must be non-empty",
            "name part must be non-empty",
            "name part " + NAME_REGEX_MESSAGE);
    assertThat(LabelSyntax.qualifiedNameErrors("/app"))
        .containsExactly("prefix part must be non-empty");
    assertThat(LabelSyntax.qualifiedNameErrors("example.com/"))
        .containsExactly("name part must be non-empty", "name part " + NAME_REGEX_MESSAGE);
  }

  @Test
  void rejectsTwoSlashesWithTheLabelKeyMessageOnly() {
    assertThat(LabelSyntax.qualifiedNameErrors("a/b/c"))
        .containsExactly(
            "a valid label key "
                + NAME_REGEX_MESSAGE
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
  }

  @Test
  void limitsTheNameTo63Bytes() {
    assertThat(LabelSyntax.qualifiedNameErrors("a".repeat(63))).isEmpty();
    assertThat(LabelSyntax.qualifiedNameErrors("a".repeat(64)))
        .containsExactly("name part must be no more than 63 bytes");
  }

  @Test
  void limitsThePrefixTo253Bytes() {
    String prefix253 = ("a".repeat(63) + ".").repeat(3) + "a".repeat(61);
    assertThat(prefix253).hasSize(253);
    assertThat(LabelSyntax.qualifiedNameErrors(prefix253 + "/n")).isEmpty();
    assertThat(LabelSyntax.qualifiedNameErrors(prefix253 + "a/n"))
        .containsExactly("prefix part must be no more than 253 bytes");
  }

  @Test
  void countsLengthInUtf8BytesLikeGo() {
    String name = "é".repeat(32);
    assertThat(name).hasSize(32);
    assertThat(LabelSyntax.qualifiedNameErrors(name))
        .containsExactly(
            "name part must be no more than 63 bytes", "name part " + NAME_REGEX_MESSAGE);
    assertThat(LabelSyntax.labelValueErrors(name))
        .containsExactly("must be no more than 63 bytes", VALUE_MESSAGE);
  }

  @Test
  void rejectsTrailingNewlineAsGoAnchorsDo() {
    assertThat(LabelSyntax.qualifiedNameErrors("app\n"))
        .containsExactly("name part " + NAME_REGEX_MESSAGE);
    assertThat(LabelSyntax.labelValueErrors("web\n")).containsExactly(VALUE_MESSAGE);
    assertThat(LabelSyntax.dns1123SubdomainErrors("example.com\n"))
        .containsExactly(SUBDOMAIN_MESSAGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"app_", "a..", "my name", "ns:app", "a*b", "app."})
  void rejectsBadNameCharactersAndEnds(String key) {
    assertThat(LabelSyntax.qualifiedNameErrors(key))
        .containsExactly("name part " + NAME_REGEX_MESSAGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "web", "MyValue", "my_value", "12345", "v1.2.3", "a-b_c.d"})
  void acceptsValidLabelValues(String value) {
    assertThat(LabelSyntax.labelValueErrors(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-bad", "bad-", "_x", "a/b", "x y", "ü"})
  void rejectsBadLabelValues(String value) {
    assertThat(LabelSyntax.labelValueErrors(value)).containsExactly(VALUE_MESSAGE);
  }

  @Test
  void limitsLabelValuesTo63Bytes() {
    assertThat(LabelSyntax.labelValueErrors("v".repeat(63))).isEmpty();
    assertThat(LabelSyntax.labelValueErrors("v".repeat(64)))
        .containsExactly("must be no more than 63 bytes");
    assertThat(LabelSyntax.labelValueErrors("-".repeat(64)))
        .containsExactly("must be no more than 63 bytes", VALUE_MESSAGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "a", "0", "a-b.c-d", "kubernetes.io", "1.2.3"})
  void acceptsDns1123Subdomains(String value) {
    assertThat(LabelSyntax.dns1123SubdomainErrors(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Example.com", "-a", "a-", "a..b", ".a", "a_b", "a.", "ex ample"})
  void rejectsInvalidDns1123Subdomains(String value) {
    assertThat(LabelSyntax.dns1123SubdomainErrors(value)).containsExactly(SUBDOMAIN_MESSAGE);
  }

  @Test
  void rejectsLongSubdomainsWithTheLengthMessage() {
    assertThat(LabelSyntax.dns1123SubdomainErrors("a".repeat(254)))
        .containsExactly("must be no more than 253 bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "12", "-12", "7", "9223372036854775808", "-1000"})
  void acceptsCanonicalDecimalIntegers(String value) {
    assertThat(LabelSyntax.decimalIntegerErrors(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"-0", "007", "+7", "1e3", "-", "00", "1.0", " 1", "1 ", "0x1", "-01", "1\n"})
  void rejectsNonCanonicalDecimalIntegers(String value) {
    assertThat(LabelSyntax.decimalIntegerErrors(value)).containsExactly(DECIMAL_MESSAGE);
  }

  @Test
  void rejectsEmptyDecimalIntegerAsEmpty() {
    assertThat(LabelSyntax.decimalIntegerErrors("")).containsExactly("must be non-empty");
  }
}
