package io.chartlint.core.engine;

import io.chartlint.core.load.DocumentParser;
import io.chartlint.core.load.InputSource;
import io.chartlint.core.load.LoadLimits;
import io.chartlint.core.load.LoadProblem;
import io.chartlint.core.load.RawDocument;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.load.YamlStreamSplitter;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What can be checked about a chart directory before Helm sees it: that {@code Chart.yaml} is YAML
 * and names the chart, and where its symbolic links lead. A {@code Chart.yaml} that is not YAML is
 * a {@code yaml-syntax} finding at its line, clearer than Helm's "error converting YAML to JSON",
 * and the chart is not rendered.
 */
final class ChartPreflight {
  private ChartPreflight() {}

  /**
   * The problems of a chart's {@code Chart.yaml}, the notices about its links, and the links that
   * lead outside it (each is a finding: the chart is rendered without what they lead to).
   */
  record Outcome(
      SourceDocument chartYaml, boolean renderable, List<String> notices, List<Path> outsideLinks) {
    Outcome(SourceDocument chartYaml, boolean renderable, List<String> notices) {
      this(chartYaml, renderable, notices, List.of());
    }
  }

  static Outcome check(Path chart, Path workingDirectory, LoadLimits limits) {
    List<String> notices = new ArrayList<>();
    List<Path> outside = new ArrayList<>();
    if (!Files.isDirectory(chart)) {
      return new Outcome(null, true, notices); // a packaged chart: its links are not unpacked
    }
    links(chart, workingDirectory, notices, outside);
    Path file = chart.resolve("Chart.yaml");
    InputSource source = InputSource.file(Inputs.display(file, workingDirectory), file);
    List<LoadProblem> problems = new ArrayList<>();
    Node root = null;
    try (Reader reader = Linter.utf8(Files.newInputStream(file));
        YamlStreamSplitter splitter = new YamlStreamSplitter(reader, limits)) {
      DocumentParser parser = new DocumentParser(limits);
      RawDocument raw = splitter.next();
      if (raw != null) {
        DocumentParser.Parsed parsed = parser.parse(raw);
        problems.addAll(parsed.problems());
        root = parsed.root();
        RawDocument extra = splitter.next();
        if (extra != null && problems.isEmpty()) {
          problems.add(
              new LoadProblem(
                  LoadProblem.Kind.SYNTAX,
                  extra.firstLine(),
                  1,
                  "Chart.yaml holds more than one YAML document; Helm reads only one"));
        }
      }
    } catch (IOException e) {
      problems.add(
          new LoadProblem(
              LoadProblem.Kind.SYNTAX, 1, 1, "cannot read Chart.yaml: " + e.getMessage()));
    }
    boolean unreadable =
        problems.stream()
            .anyMatch(
                p -> p.kind() == LoadProblem.Kind.SYNTAX || p.kind() == LoadProblem.Kind.LIMIT);
    if (!unreadable) {
      String missing = missingName(root);
      if (missing != null) {
        int line = root == null ? 1 : root.getStartMark().getLine() + 1;
        problems.add(new LoadProblem(LoadProblem.Kind.RENDER, line, 1, missing));
      }
    }
    boolean renderable =
        problems.stream().noneMatch(p -> p.kind() != LoadProblem.Kind.DUPLICATE_KEY);
    SourceDocument doc =
        problems.isEmpty()
            ? null
            : new SourceDocument(source, 0, 1, null, null, problems, List.of());
    return new Outcome(doc, renderable, notices, outside);
  }

  private static String missingName(Node root) {
    if (!(root instanceof MappingNode mapping)) {
      return "Chart.yaml must be a mapping with apiVersion, name and version; Helm cannot load"
          + " this chart";
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key
          && key.getValue().equals("name")
          && tuple.getValueNode() instanceof ScalarNode value
          && !value.getValue().isBlank()) {
        return null;
      }
    }
    return "Chart.yaml has no name; Helm cannot load a chart without one";
  }

  /**
   * Symbolic links in the chart that lead outside it, nowhere, or back into a directory above them.
   * The chart renders from a copy that holds none of them (links inside the chart are followed).
   */
  private static void links(
      Path chart, Path workingDirectory, List<String> notices, List<Path> outside) {
    Path realChart;
    try {
      realChart = chart.toRealPath();
    } catch (IOException e) {
      return;
    }
    try {
      Files.walkFileTree(
          chart,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isSymbolicLink()) {
                String shown = Inputs.display(file, workingDirectory);
                try {
                  Path target = file.toRealPath();
                  if (!target.startsWith(realChart)) {
                    outside.add(file);
                  } else if (Files.isDirectory(target)
                      && file.getParent().toRealPath().startsWith(target)) {
                    notices.add(
                        shown + ": a symbolic link that loops back to a directory above it");
                  }
                } catch (IOException e) {
                  notices.add(shown + ": a symbolic link that leads nowhere");
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              notices.add(
                  Inputs.display(file, workingDirectory) + ": cannot read: " + e.getMessage());
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      notices.add(Inputs.display(chart, workingDirectory) + ": cannot read: " + e.getMessage());
    }
  }
}
