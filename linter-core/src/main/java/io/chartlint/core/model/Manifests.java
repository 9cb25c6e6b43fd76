package io.chartlint.core.model;

import io.chartlint.core.load.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Turns a parsed document into Kubernetes objects, expanding {@code List} kinds. */
public final class Manifests {
  private Manifests() {}

  /** A document that is not a Kubernetes object, and why. */
  public record ManifestProblem(Node node, String message) {}

  /** The objects of a document and what is wrong with the parts that are not objects. */
  public record Extraction(List<KubeObject> objects, List<ManifestProblem> problems) {}

  public static Extraction extract(SourceDocument document, PodTemplatePaths paths) {
    List<KubeObject> objects = new ArrayList<>();
    List<ManifestProblem> problems = new ArrayList<>();
    Node root = document.root();
    if (root != null && !YamlNodes.isNull(root)) {
      collect(document, root, paths, objects, problems, "document");
    }
    return new Extraction(objects, problems);
  }

  private static void collect(
      SourceDocument document,
      Node node,
      PodTemplatePaths paths,
      List<KubeObject> objects,
      List<ManifestProblem> problems,
      String what) {
    if (!(node instanceof MappingNode mapping)) {
      String shape = node instanceof SequenceNode ? "a sequence" : "a scalar";
      problems.add(
          new ManifestProblem(
              node, what + " is " + shape + ", not a Kubernetes object (a mapping)"));
      return;
    }
    String kind = YamlNodes.text(YamlNodes.get(mapping, "kind"));
    Node items = YamlNodes.get(mapping, "items");
    // kubectl accepts any kind ending in "List" with items as a list of objects (meta.IsListType).
    if (kind != null && kind.endsWith("List") && items instanceof SequenceNode list) {
      int i = 0;
      for (Node item : list.getValue()) {
        collect(document, item, paths, objects, problems, kind + " item " + i++);
      }
      return;
    }
    List<String> missing = new ArrayList<>();
    String apiVersion = YamlNodes.text(YamlNodes.get(mapping, "apiVersion"));
    if (apiVersion == null || apiVersion.isBlank()) {
      missing.add("apiVersion");
    }
    if (kind == null || kind.isBlank()) {
      missing.add("kind");
    }
    Node metadata = YamlNodes.get(mapping, "metadata");
    // The API server accepts generateName in place of name on create (ObjectMeta validation).
    if (YamlNodes.text(YamlNodes.get(metadata, "name")) == null
        && YamlNodes.text(YamlNodes.get(metadata, "generateName")) == null) {
      missing.add("metadata.name");
    }
    if (!missing.isEmpty()) {
      problems.add(
          new ManifestProblem(
              mapping,
              what + " is not a Kubernetes object: it lacks " + String.join(", ", missing)));
      return;
    }
    objects.add(new KubeObject(document, mapping, paths.specPath(apiVersion, kind)));
  }
}
