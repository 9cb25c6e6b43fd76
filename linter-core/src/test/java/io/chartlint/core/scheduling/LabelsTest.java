package io.chartlint.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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

  /** The upstream expressions, as apimachinery writes them, against the hand-written checks. */
  @Test
  void agreesWithTheUpstreamRegularExpressions() {
    Pattern name = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    Pattern subdomain =
        Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    String alphabet = "aZ09-_./ \néB";
    Random random = new Random(42);
    for (int n = 0; n < 200_000; n++) {
      int length = random.nextInt(n % 100 == 0 ? 300 : 12);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < length; i++) {
        s.append(alphabet.charAt(random.nextInt(i % 7 == 3 ? alphabet.length() : 6)));
      }
      String candidate = s.toString();
      boolean value =
          candidate.isEmpty() || (candidate.length() <= 63 && name.matcher(candidate).matches());
      String[] parts = candidate.split("/", -1);
      String keyName = parts.length == 2 ? parts[1] : parts[0];
      boolean key =
          parts.length <= 2
              && (parts.length == 1
                  || (!parts[0].isEmpty()
                      && parts[0].length() <= 253
                      && subdomain.matcher(parts[0]).matches()))
              && !keyName.isEmpty()
              && keyName.length() <= 63
              && name.matcher(keyName).matches();
      assertThat(Labels.isValidValue(candidate)).as("value '%s'", candidate).isEqualTo(value);
      assertThat(Labels.isValidKey(candidate)).as("key '%s'", candidate).isEqualTo(key);
    }
  }
}
