package io.chartlint.rules.tolerations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.TolerationNode;
import io.chartlint.core.model.YamlNodes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** The tolerations of a pod template: the field, and the legacy annotation. */
final class PodTolerations {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PodTolerations() {}

  /** {@code spec.tolerations} of the pod template, in order. */
  static List<WrittenToleration> ofSpec(PodTemplate template) {
    List<WrittenToleration> list = new ArrayList<>();
    for (TolerationNode t : template.tolerations()) {
      Node seconds = t.field("tolerationSeconds");
      list.add(
          new WrittenToleration(
              t.index(),
              template.specPath() + ".tolerations[" + t.index() + "]",
              t.key(),
              t.operator(),
              t.value(),
              t.effect(),
              !YamlNodes.isNull(seconds),
              t.tolerationSeconds(),
              t.node(),
              t::field));
    }
    return list;
  }

  /**
   * The tolerations of the annotation {@code scheduler.alpha.kubernetes.io/tolerations}, or null
   * when the template has none. The API server still decodes and validates it
   * (ValidatePodSpecificAnnotations in pkg/apis/core/validation/validation.go), on pods at {@code
   * metadata.annotations} and on templates at {@code <template>.annotations}.
   */
  static Annotation ofAnnotation(PodTemplate template) {
    Node annotations = YamlNodes.get(template.metadata(), "annotations");
    Node valueNode = YamlNodes.get(annotations, PodTemplate.TOLERATIONS_ANNOTATION);
    String text = YamlNodes.text(valueNode);
    if (text == null || text.isEmpty()) {
      return null; // the API server only looks when the value is not empty
    }
    String base =
        "spec".equals(template.specPath())
            ? "metadata.annotations"
            : template.specPath().substring(0, template.specPath().length() - ".spec".length())
                + ".annotations";
    String path = base + "." + PodTemplate.TOLERATIONS_ANNOTATION;
    JsonNode parsed;
    try {
      parsed = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return new Annotation(base, valueNode, List.of(), "invalid JSON: " + e.getOriginalMessage());
    }
    if (parsed == null || parsed.isNull()) {
      return new Annotation(base, valueNode, List.of(), null);
    }
    if (!parsed.isArray()) {
      return new Annotation(
          base,
          valueNode,
          List.of(),
          "json: cannot unmarshal "
              + jsonKind(parsed)
              + " into Go value of type []core.Toleration");
    }
    List<WrittenToleration> list = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      JsonNode item = parsed.get(i);
      if (item.isNull()) {
        item = JSON.createObjectNode();
      }
      if (!item.isObject()) {
        return new Annotation(
            base,
            valueNode,
            List.of(),
            "json: cannot unmarshal " + jsonKind(item) + " into Go value of type core.Toleration");
      }
      String problem = null;
      String[] strings = new String[4];
      String[] names = {"key", "operator", "value", "effect"};
      for (int f = 0; f < names.length; f++) {
        JsonNode field = field(item, names[f]);
        if (field == null || field.isNull()) {
          strings[f] = "";
        } else if (field.isTextual()) {
          strings[f] = field.textValue();
        } else {
          problem = typeError(jsonKind(field), names[f], "string");
          break;
        }
      }
      JsonNode seconds = field(item, "tolerationSeconds");
      boolean secondsSet = seconds != null && !seconds.isNull();
      if (problem == null
          && secondsSet
          && !(seconds.isIntegralNumber() && seconds.canConvertToLong())) {
        problem = typeError(jsonKind(seconds), "tolerationSeconds", "int64");
      }
      if (problem != null) {
        return new Annotation(base, valueNode, List.of(), problem);
      }
      list.add(
          new WrittenToleration(
              i,
              path + "[" + i + "]",
              strings[0],
              strings[1],
              strings[2],
              strings[3],
              secondsSet,
              secondsSet ? seconds.longValue() : null,
              valueNode,
              name -> null));
    }
    return new Annotation(base, valueNode, list, null);
  }

  /**
   * The annotation's tolerations, or the reason Go's encoding/json could not decode them.
   *
   * @param path the path of the annotations map, where a decoding error is reported
   */
  record Annotation(String path, Node node, List<WrittenToleration> tolerations, String error) {}

  /** Go's encoding/json matches field names case-insensitively, and the last duplicate wins. */
  private static JsonNode field(JsonNode object, String name) {
    JsonNode found = null;
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      if (entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        found = entry.getValue();
      }
    }
    return found;
  }

  private static String typeError(String kind, String field, String goType) {
    return "json: cannot unmarshal "
        + kind
        + " into Go struct field Toleration."
        + field
        + " of type "
        + goType;
  }

  private static String jsonKind(JsonNode node) {
    if (node.isTextual()) {
      return "string";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    if (node.isArray()) {
      return "array";
    }
    return "object";
  }
}
