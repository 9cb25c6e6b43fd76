package io.chartlint.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.load.InputSource;
import io.chartlint.core.load.SourceDocument;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** spec.replicas as the API server stores it after sigs.k8s.io/yaml, encoding/json and defaults. */
class ReplicasTest {
  private static KubeObject object(String kind, String spec) {
    String yaml = "apiVersion: apps/v1\nkind: " + kind + "\nmetadata: {name: web}\n" + spec;
    SourceDocument document =
        new SourceDocument(
            InputSource.file("web.yaml", Path.of("web.yaml")),
            0,
            1,
            null,
            new Yaml().compose(new StringReader(yaml)),
            List.of(),
            List.of());
    return Manifests.extract(document, PodTemplatePaths.builtIn()).objects().get(0);
  }

  private static OptionalInt replicas(String value) {
    return Replicas.of(object("Deployment", "spec:\n  replicas: " + value + "\n"));
  }

  @Test
  void absentReplicasDefaultToOne() {
    assertThat(Replicas.of(object("Deployment", "spec: {selector: {}}\n"))).hasValue(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "~", "Null", "NULL", "", "!!null ''"})
  void nullReplicasDefaultToOneAsAnUnsetPointer(String value) {
    assertThat(replicas(value)).hasValue(1);
  }

  @Test
  void absentOrNullSpecDefaultsToOne() {
    assertThat(Replicas.of(object("Deployment", ""))).hasValue(1);
    assertThat(Replicas.of(object("Deployment", "spec: null\n"))).hasValue(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"})
  void everyScaledKindIsDefaulted(String kind) {
    assertThat(Replicas.of(object(kind, "spec: {}\n"))).hasValue(1);
    assertThat(Replicas.of(object(kind, "spec: {replicas: null}\n"))).hasValue(1);
    assertThat(Replicas.of(object(kind, "spec: {replicas: 4}\n"))).hasValue(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"DaemonSet", "Job", "CronJob", "Pod", "Rollout"})
  void kindsWithoutSpecReplicasHaveNoCount(String kind) {
    assertThat(Replicas.of(object(kind, "spec: {replicas: 3}\n"))).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0            | 0",
        "3            | 3",
        "+3           | 3",
        "2147483647   | 2147483647",
        // go-yaml v2 reads integers with strconv.ParseInt(text, 0, 64), underscores dropped
        "0x10         | 16",
        "010          | 8",
        "0o10         | 8",
        "0b11         | 3",
        "1_000        | 1000",
        // floats with no fraction are written by encoding/json as integers
        "3.0          | 3",
        "3.           | 3",
        "1e2          | 100",
        "-0.0         | 0",
        // an explicit number tag resolves even a quoted scalar
        "!!int '5'    | 5",
        "!!float '2'  | 2",
      })
  void numbersAreReadAsKubernetesDecodesThem(String value, int expected) {
    assertThat(replicas(value)).hasValue(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-1", // ValidateNonnegativeField
        "-0x1",
        "2147483648", // overflows int32
        "9223372036854775808", // beyond int64: go-yaml reads it as a uint64
        "1.5", // cannot unmarshal number 1.5 into int32
        "1e21", // encoding/json writes 1e+21
        "1e-7",
        ".inf",
        "-.inf",
        ".nan",
        "'3'", // a JSON string
        "\"3\"",
        "!!str 3",
        "|\n    3",
        "three",
        "true",
        "yes", // a YAML 1.1 bool
        "y", // a bool to go-yaml v2, a string to YAML 1.1: either way not a number
        "1:30", // a YAML 1.1 sexagesimal int that go-yaml v2 keeps a string
        "2024-01-01", // a timestamp
        "\u0663", // ARABIC-INDIC DIGIT THREE: a digit to Java, a string to Go
        "[3]",
        "{count: 3}",
      })
  void valuesTheApiServerRejectsAreUnknown(String value) {
    assertThat(replicas(value)).isEmpty();
  }

  @Test
  void aSpecThatIsNotAMappingIsUnknown() {
    assertThat(Replicas.of(object("Deployment", "spec: [replicas]\n"))).isEmpty();
    assertThat(Replicas.of(object("Deployment", "spec: three\n"))).isEmpty();
  }

  @Test
  void theLastOfDuplicateKeysWinsAsInKubernetesDecoder() {
    assertThat(replicas("2\n  replicas: null")).hasValue(1);
    assertThat(replicas("null\n  replicas: 2")).hasValue(2);
  }
}
