package io.chartlint.core.model;

import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A controller's {@code spec.replicas} as the API server stores it, after decoding and defaulting.
 *
 * <p>An absent or null {@code replicas} is 1: the field is an {@code *int32}, a JSON null leaves
 * the pointer nil, and {@code SetDefaults_Deployment}, {@code SetDefaults_StatefulSet} and {@code
 * SetDefaults_ReplicaSet} ({@code pkg/apis/apps/v1/defaults.go}) and {@code
 * SetDefaults_ReplicationController} ({@code pkg/apis/core/v1/defaults.go}) set a nil one to 1.
 *
 * <p>A value reaches the API server as JSON: kubectl, Helm and the server's own YAML decoder
 * convert YAML with {@code sigs.k8s.io/yaml}, which types a plain scalar with go-yaml v2's resolver
 * and writes it with {@code encoding/json}. So {@code 0x10} is 16, {@code 010} is 8, {@code 0o10}
 * is 8, {@code 1_000} is 1000, and a float with no fraction is written as an integer ({@code 3.0}
 * and {@code 1e2} arrive as {@code 3} and {@code 100}). The JSON decoder then reads an {@code
 * int32} with {@code strconv.ParseInt(text, 10, 64)} and an overflow check, so {@code 1.5}, {@code
 * 1e21}, a string such as a quoted {@code "3"}, a bool, a list or a map are rejected ("cannot
 * unmarshal ... into Go struct field ... of type int32"), as is a count above 2147483647.
 * Validation rejects a negative count ({@code ValidateNonnegativeField} on {@code spec.replicas} in
 * {@code pkg/apis/apps/validation/validation.go} and {@code
 * pkg/apis/core/validation/validation.go}).
 *
 * <p>A count the API server rejects is unknown ({@link OptionalInt#empty()}): the object is never
 * created, so no replica count of it exists to judge.
 */
public final class Replicas {
  /** The built-in kinds with a {@code spec.replicas} that the API server defaults to 1. */
  public static final Set<String> KINDS =
      Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");
  private static final Resolver YAML_1_1 = new Resolver();

  private Replicas() {}

  /**
   * The replica count of a Deployment, StatefulSet, ReplicaSet or ReplicationController after
   * defaulting; empty when the API server would reject the value, and for every other kind (a
   * DaemonSet, Job, CronJob or Pod has no {@code spec.replicas}).
   */
  public static OptionalInt of(KubeObject object) {
    if (!KINDS.contains(object.kind())) {
      return OptionalInt.empty();
    }
    Node spec = YamlNodes.get(object.root(), "spec");
    if (YamlNodes.isNull(spec)) {
      return OptionalInt.of(1); // an absent or null spec decodes to the zero value: replicas nil
    }
    if (!(spec instanceof MappingNode)) {
      return OptionalInt.empty();
    }
    return read(YamlNodes.get(spec, "replicas"));
  }

  /**
   * The count a {@code replicas} value decodes to after defaulting; null (absent) and a YAML null
   * are 1.
   */
  static OptionalInt read(Node value) {
    if (YamlNodes.isNull(value)) {
      return OptionalInt.of(1);
    }
    if (!(value instanceof ScalarNode scalar)) {
      return OptionalInt.empty();
    }
    String json = json(scalar);
    if (json == null || !DECIMAL.matcher(json).matches()) {
      return OptionalInt.empty(); // a string, bool, or a number with a fraction or an exponent
    }
    long count;
    try {
      count = Long.parseLong(json);
    } catch (NumberFormatException e) {
      return OptionalInt.empty(); // beyond int64: strconv.ParseInt fails too
    }
    if (count < 0 || count > Integer.MAX_VALUE) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) count);
  }

  /**
   * The JSON text of a scalar when it becomes a JSON number, a bool or a string without quotes;
   * null when it cannot become JSON at all ({@code .inf}, {@code .nan}) or is a string for sure.
   */
  private static String json(ScalarNode scalar) {
    Tag tag = scalar.getTag();
    String text = scalar.getValue();
    boolean number = tag.equals(Tag.INT) || tag.equals(Tag.FLOAT);
    // A plain scalar that YAML 1.1 leaves a string may still be a number or bool to go-yaml v2
    // (0o10, y); one written with an explicit !!str tag is a string to both.
    boolean untyped =
        tag.equals(Tag.STR)
            && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
            && YAML_1_1.resolve(NodeId.scalar, text, true).equals(Tag.STR);
    if (!number && !untyped) {
      return null; // quoted or block text, !!str, a bool, a timestamp or another tag
    }
    try {
      return Quantity.YamlNumbers.jsonText(text);
    } catch (QuantityFormatException e) {
      return null; // .inf and .nan have no JSON form: sigs.k8s.io/yaml fails on them
    }
  }
}
