package io.chartlint.core.engine;

import io.chartlint.core.UsageException;
import io.chartlint.core.load.DocumentParser;
import io.chartlint.core.load.InputSource;
import io.chartlint.core.load.LoadProblem;
import io.chartlint.core.load.RawDocument;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.load.YamlStreamSplitter;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.Manifests;
import io.chartlint.core.model.PodTemplatePaths;
import io.chartlint.core.model.YamlNodes;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a cluster's node inventory: files of Node manifests, as {@code kubectl get nodes -o yaml}
 * writes them (a {@code List}) or one Node per document.
 *
 * <p>The files are named by a config or a command line that an untrusted change may have written
 * ({@code nodes: [/etc/passwd]}), so anything but Node objects stops the run with the file and
 * line, and no message repeats what the file holds.
 */
final class NodeInventoryLoader {
  private static final String EXPECTED =
      " (a nodes file holds Node objects, such as the output of kubectl get nodes -o yaml)";

  private NodeInventoryLoader() {}

  static List<KubeObject> load(List<Path> files, LintRequest request, PodTemplatePaths paths) {
    List<KubeObject> nodes = new ArrayList<>();
    DocumentParser parser = new DocumentParser(request.limits());
    for (Path file : files) {
      String shown = Inputs.display(file, request.workingDirectory());
      if (!Files.isRegularFile(file)) {
        throw new UsageException("cannot read nodes file " + shown + ": not a regular file");
      }
      try (Reader reader = Linter.utf8(Files.newInputStream(file))) {
        YamlStreamSplitter splitter = new YamlStreamSplitter(reader, request.limits());
        RawDocument raw;
        while ((raw = splitter.next()) != null) {
          DocumentParser.Parsed parsed = parser.parse(raw);
          for (LoadProblem problem : parsed.problems()) {
            // SnakeYAML's messages quote the offending text; say where, not what.
            throw new UsageException(
                "invalid nodes file "
                    + shown
                    + ":"
                    + problem.line()
                    + ": not valid YAML"
                    + EXPECTED);
          }
          SourceDocument doc =
              new SourceDocument(
                  InputSource.file(shown, file),
                  raw.index(),
                  raw.firstLine(),
                  null,
                  parsed.root(),
                  List.of(),
                  List.of());
          if (doc.root() == null || YamlNodes.isNull(doc.root())) {
            continue;
          }
          check(doc, doc.root(), shown, false);
          nodes.addAll(Manifests.extract(doc, paths).objects());
        }
      } catch (IOException e) {
        String why =
            e instanceof java.nio.charset.CharacterCodingException
                ? "it is not UTF-8 text"
                : e.getClass().getSimpleName();
        throw new UsageException("cannot read nodes file " + shown + ": " + why, e);
      }
    }
    return List.copyOf(nodes);
  }

  /** Throws unless the node is a Node object, or (at the top) a list of them. */
  private static void check(SourceDocument doc, Node node, String shown, boolean item) {
    String where = "invalid nodes file " + shown + ":" + doc.line(node) + ": ";
    if (!(node instanceof MappingNode mapping)) {
      throw new UsageException(where + "not a Kubernetes object" + EXPECTED);
    }
    String kind = YamlNodes.text(YamlNodes.get(mapping, "kind"));
    Node items = YamlNodes.get(mapping, "items");
    if (!item && kind != null && kind.endsWith("List") && items instanceof SequenceNode list) {
      for (Node entry : list.getValue()) {
        check(doc, entry, shown, true);
      }
      return;
    }
    if (!"Node".equals(kind)
        || !"v1".equals(YamlNodes.text(YamlNodes.get(mapping, "apiVersion")))) {
      throw new UsageException(where + "an object that is not a v1 Node" + EXPECTED);
    }
    if (YamlNodes.text(YamlNodes.at(mapping, "metadata.name")) == null) {
      throw new UsageException(where + "a Node without metadata.name" + EXPECTED);
    }
  }
}
