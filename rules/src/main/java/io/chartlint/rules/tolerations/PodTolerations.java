package io.chartlint.rules.tolerations;

import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.TolerationNode;
import io.chartlint.core.model.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** The tolerations of a pod template: the field, and the legacy annotation. */
final class PodTolerations {
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
    // decoded in a class of its own, so that only a template with the annotation loads Jackson
    return AnnotationTolerations.decode(base, path, valueNode, text);
  }

  /**
   * The annotation's tolerations, or the reason Go's encoding/json could not decode them.
   *
   * @param path the path of the annotations map, where a decoding error is reported
   */
  record Annotation(String path, Node node, List<WrittenToleration> tolerations, String error) {}
}
