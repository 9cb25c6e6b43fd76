package io.chartlint.core.policy.polaris;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Polaris check file says beyond a fixed JSON Schema: a schema that is a Go template
 * rendered with the object being checked, and additional schemas that another object of a given
 * kind in the same namespace must satisfy (FairwindsOps/polaris pkg/config/schema.go,
 * TemplateForResource and CheckAdditionalObjects; pkg/validator/schema.go, applySchemaCheck).
 */
public final class PolarisCheck {
  private static final ObjectMapper YAML = new YAMLMapper();

  /** The top-level fields of a check, as Polaris's {@code SchemaCheck} names them. */
  private static final List<String> FIELDS =
      List.of(
          "id",
          "category",
          "successMessage",
          "failureMessage",
          "controllers",
          "containers",
          "target",
          "schemaTarget",
          "schema",
          "schemaString",
          "jsonSchema",
          "additionalSchemas",
          "additionalSchemaStrings",
          "mutations");

  private final Part main;
  private final Map<String, Part> additional;

  /** A schema's source: its text, and its template when it has actions. */
  public record Part(String text, GoTemplate template) {}

  /** Compiles a rendered schema: the policy package's cache of compiled schemas. */
  @FunctionalInterface
  public interface Compiler {
    Schema compile(JsonNode schema);
  }

  /** A template that fails for one object, or renders a schema that is not valid. */
  public static final class RenderException extends RuntimeException {
    public RenderException(String message) {
      super(message);
    }
  }

  public PolarisCheck(Part main, Map<String, Part> additional) {
    this.main = main;
    this.additional = new LinkedHashMap<>(additional);
  }

  /** Whether every object sees the same schema and nothing else. */
  public boolean isFixed() {
    return main.template() == null && additional.isEmpty();
  }

  public Map<String, Part> additional() {
    return additional;
  }

  /**
   * Renames the top-level keys of a Polaris check to the case Polaris declares: its loader decodes
   * YAML through JSON with Go's encoding/json, which matches field names case-insensitively, so
   * {@code FailureMessage:} (as in Polaris's own linuxHardening.yaml) is {@code failureMessage}.
   * Also the keys of {@code controllers} and {@code containers}.
   */
  public static void normalizeKeys(ObjectNode root) {
    rename(root, FIELDS);
    for (String nested : List.of("controllers", "containers")) {
      if (root.get(nested) instanceof ObjectNode o) {
        rename(o, List.of("include", "exclude"));
      }
    }
  }

  /** Whether a mapping has a key that Polaris reads as one of these fields. */
  public static boolean hasAnyKey(JsonNode root, List<String> fields) {
    for (var it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (fields.stream().anyMatch(f -> f.equalsIgnoreCase(key))) {
        return true;
      }
    }
    return false;
  }

  private static void rename(ObjectNode node, List<String> fields) {
    Map<String, JsonNode> renamed = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      String canonical =
          fields.contains(key)
              ? key
              : fields.stream().filter(f -> f.equalsIgnoreCase(key)).findFirst().orElse(key);
      if (!canonical.equals(key) && !keys.contains(canonical)) {
        renamed.put(canonical, node.get(key));
        node.remove(key);
      }
    }
    node.setAll(renamed);
  }

  /**
   * The schema for one object, or null when the template renders nothing (Polaris then has no
   * schema to apply, and the check passes).
   */
  public Schema schema(Map<String, Object> data, Compiler compiler, Schema fixed) {
    if (main.template() == null) {
      return fixed;
    }
    return render(main, data, compiler, "the check's schema");
  }

  /**
   * The additional schemas this object must find satisfied, by group and kind; those that render to
   * nothing are left out, as in Polaris.
   */
  public Map<String, Schema> additionalSchemas(Map<String, Object> data, Compiler compiler) {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    for (Map.Entry<String, Part> e : additional.entrySet()) {
      Schema schema = render(e.getValue(), data, compiler, "the " + e.getKey() + " schema");
      if (schema != null) {
        schemas.put(e.getKey(), schema);
      }
    }
    return schemas;
  }

  private static Schema render(
      Part part, Map<String, Object> data, Compiler compiler, String what) {
    String text;
    if (part.template() == null) {
      text = part.text();
    } else {
      try {
        text = part.template().render(data);
      } catch (GoTemplate.TemplateException e) {
        throw new RenderException("cannot render " + what + " for this object: " + e.getMessage());
      }
    }
    if (text.isBlank()) {
      return null;
    }
    JsonNode json;
    try {
      json = YAML.readTree(text);
    } catch (IOException e) {
      throw new RenderException(
          what
              + ", rendered for this object, is not YAML: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
    try {
      return compiler.compile(json);
    } catch (RuntimeException e) {
      throw new RenderException(
          what + ", rendered for this object, is not a valid schema: " + e.getMessage());
    }
  }

  /**
   * Whether a group and kind as Polaris writes them ({@code policy/PodDisruptionBudget}, {@code
   * ServiceAccount} for the core group) names an object's kind.
   */
  public static boolean groupKindMatches(String groupKind, String apiVersion, String kind) {
    int slash = groupKind.lastIndexOf('/');
    String wantGroup = slash < 0 ? "" : groupKind.substring(0, slash);
    String wantKind = groupKind.substring(slash + 1);
    String version = apiVersion == null ? "" : apiVersion;
    int versionSlash = version.lastIndexOf('/');
    String group = versionSlash < 0 ? "" : version.substring(0, versionSlash);
    return wantKind.equals(kind) && wantGroup.equals(group);
  }

  /** The template data Polaris builds: the object, with {@code .Polaris} where it applies. */
  public static Map<String, Object> data(
      JsonNode object, JsonNode podSpec, JsonNode podTemplate, JsonNode container) {
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) plain(object);
    if (podSpec != null) {
      Map<String, Object> polaris = new LinkedHashMap<>();
      polaris.put("PodSpec", plain(podSpec));
      polaris.put("PodTemplate", plain(podTemplate));
      if (container != null) {
        polaris.put("Container", plain(container));
      }
      data.put("Polaris", polaris);
    }
    return data;
  }

  /** JSON as the plain values {@link GoTemplate} evaluates. */
  public static Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(plain(n)));
      return list;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return node.asText();
  }

  /** How a check names a kind in its messages: the kind without its group. */
  public static String kindOf(String groupKind) {
    return groupKind.substring(groupKind.lastIndexOf('/') + 1);
  }
}
