package io.chartlint.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "type",
        "kubernetes.io/os",
        "eks.amazonaws.com/compute-type",
        "MyName",
        "my_name.v2",
        "a",
        "virtual-node.interlink/type"
      })
  void acceptsQualifiedNames(String key) {
    assertThat(Labels.isValidKey(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-app",
        "app-",
        "Example.com/app",
        "/app",
        "example.com/",
        "a/b/c",
        "type\n",
        "with space",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void rejectsMalformedKeys(String key) {
    assertThat(Labels.isValidKey(key)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "linux", "virtual-kubelet", "MyValue", "my_value", "12345", "007"})
  void acceptsLabelValues(String value) {
    assertThat(Labels.isValidValue(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-bad",
        "bad-",
        "-5",
        "+5",
        "a b",
        "fake\n",
        "v/1",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void rejectsMalformedValues(String value) {
    assertThat(Labels.isValidValue(value)).isFalse();
  }
}
