package io.chartlint.rules.tolerations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chartlint.rules.tolerations.PodTolerations.Annotation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Decodes the JSON of the annotation {@code scheduler.alpha.kubernetes.io/tolerations} as Go's
 * encoding/json does. Apart from {@link PodTolerations} so that Jackson is loaded only when a
 * template carries the annotation.
 */
final class AnnotationTolerations {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnnotationTolerations() {}

  /**
   * @param base the path of the annotations map, where a decoding error is reported
   * @param path the path of the annotation itself
   * @param valueNode the annotation's value
   * @param text its text, not empty
   */
  static Annotation decode(String base, String path, Node valueNode, String text) {
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
          problem = TolerationValidation.typeError(jsonKind(field), names[f], "string");
          break;
        }
      }
      JsonNode seconds = field(item, "tolerationSeconds");
      boolean secondsSet = seconds != null && !seconds.isNull();
      if (problem == null
          && secondsSet
          && !(seconds.isIntegralNumber() && seconds.canConvertToLong())) {
        problem = TolerationValidation.typeError(jsonKind(seconds), "tolerationSeconds", "int64");
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
