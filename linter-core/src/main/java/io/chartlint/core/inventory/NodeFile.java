package io.chartlint.core.inventory;

import io.chartlint.core.UsageException;
import io.chartlint.core.load.DocumentParser;
import io.chartlint.core.load.InputSource;
import io.chartlint.core.load.LoadLimits;
import io.chartlint.core.load.LoadProblem;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.load.Utf8Reader;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.Manifests;
import io.chartlint.core.model.PodTemplatePaths;
import io.chartlint.core.model.SchedulingInputs;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.scheduling.InventoryNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads nodes files: Node manifests, as {@code kubectl get nodes -o yaml} writes them (a {@code
 * List}) or one Node per document, in JSON or YAML.
 *
 * <p>The files are named by a config or a command line that an untrusted change may have written
 * ({@code nodes: [/etc/passwd]}), so anything but Node objects stops the run with the file and
 * line, and no message repeats what the file holds.
 */
public final class NodeFile {
  /**
   * The largest document of a nodes file, in characters: about fifteen thousand nodes as kubectl
   * prints them. It bounds the time a file can take; the memory is bounded by the limits on the
   * fields that are kept.
   */
  static final int MAX_DOCUMENT_CHARS = 256 * 1024 * 1024;

  private static final String EXPECTED =
      " (a nodes file holds Node objects, such as the output of kubectl get nodes -o yaml)";

  private NodeFile() {}

  /**
   * The nodes of every file, in order.
   *
   * @param files the files, each with the name messages show for it
   * @param limits the nesting, alias and size limits of manifests; the size limits apply to the
   *     fields that are kept, document by document
   * @throws UsageException when a file cannot be read or holds anything but Node objects
   */
  public static List<InventoryNode> read(
      List<Shown> files, LoadLimits limits, PodTemplatePaths paths) {
    List<InventoryNode> nodes = new ArrayList<>();
    DocumentParser checks = new DocumentParser(limits);
    for (Shown file : files) {
      if (!Files.isRegularFile(file.path())) {
        throw new UsageException("cannot read nodes file " + file.shown() + ": not a regular file");
      }
      try (Reader reader = new Utf8Reader(Files.newInputStream(file.path()))) {
        readStream(reader, file, limits, checks, paths, nodes);
      } catch (IOException e) {
        throw unreadable(file, e);
      }
    }
    return List.copyOf(nodes);
  }

  /**
   * A nodes file and how messages name it.
   *
   * @param path where it is read from
   * @param shown its name in messages, relative to the working directory when it lies below it
   */
  public record Shown(Path path, String shown) {}

  private static void readStream(
      Reader reader,
      Shown file,
      LoadLimits limits,
      DocumentParser checks,
      PodTemplatePaths paths,
      List<InventoryNode> nodes) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // reported by the tree check, with its line
    options.setMaxAliasesForCollections(limits.maxAliasesForCollections());
    options.setNestingDepthLimit(limits.maxNestingDepth());
    options.setCodePointLimit(MAX_DOCUMENT_CHARS);
    options.setProcessComments(false);
    FieldFilter events =
        new FieldFilter(
            new ParserImpl(new StreamReader(reader), options),
            NodeFields.DOCUMENT,
            limits.maxNestingDepth());
    Composer composer = new Composer(events, checks.resolver(), options);
    int index = 0;
    while (true) {
      Node root;
      try {
        if (!composer.checkNode()) {
          return;
        }
        root = composer.getNode();
      } catch (MarkedYAMLException e) {
        // SnakeYAML's messages quote the offending text; say where, not what.
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        int line = mark == null ? events.line() + 1 : mark.getLine() + 1;
        throw invalid(file, line, "not valid YAML");
      } catch (ReaderException e) {
        throw invalid(
            file, events.line() + 1, "a character YAML does not allow; is it a binary file?");
      } catch (FieldFilter.StoppedException e) {
        throw invalid(
            file,
            e.line() + 1,
            switch (e.reason()) {
              case SKIPPED_ANCHOR ->
                  "an alias names an anchor in a field chartlint does not read; write the value out";
              case TOO_DEEP -> tooDeep(limits);
            });
      } catch (YAMLException e) {
        if (e.getCause() instanceof IOException io) {
          throw unreadable(file, io); // SnakeYAML's reader wraps what the file system says
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("exceeds the limit")) {
          throw invalid(
              file,
              events.line() + 1,
              "a document longer than " + MAX_DOCUMENT_CHARS + " characters; split the file");
        }
        if (message.contains("exceeds the specified max")) {
          throw invalid(
              file,
              events.line() + 1,
              "more than "
                  + limits.maxAliasesForCollections()
                  + " aliases to collections in one document");
        }
        if (message.contains("Nesting Depth exceeded")) {
          throw invalid(file, events.line() + 1, tooDeep(limits));
        }
        throw invalid(file, events.line() + 1, "not valid YAML");
      } catch (StackOverflowError e) {
        throw invalid(file, events.line() + 1, "nested too deeply to be read");
      }
      index++;
      if (root == null || YamlNodes.isNull(root)) {
        continue;
      }
      for (LoadProblem problem : checks.check(root, 1, events.sawAlias())) {
        throw invalid(
            file,
            problem.line(),
            switch (problem.kind()) {
              case DUPLICATE_KEY -> "a key written twice in one mapping";
              case LIMIT -> problem.message();
              default -> "not valid YAML";
            });
      }
      SourceDocument document =
          new SourceDocument(
              InputSource.file(file.shown(), file.path()),
              index - 1,
              1,
              null,
              root,
              List.of(),
              List.of());
      check(document, root, file, false);
      for (KubeObject node : Manifests.extract(document, paths).objects()) {
        nodes.add(SchedulingInputs.node(node));
      }
    }
  }

  private static String tooDeep(LoadLimits limits) {
    return "nested more than " + limits.maxNestingDepth() + " levels deep";
  }

  private static UsageException unreadable(Shown file, IOException e) {
    String why =
        e instanceof CharacterCodingException
            ? "it is not UTF-8 text"
            : e.getClass().getSimpleName();
    return new UsageException("cannot read nodes file " + file.shown() + ": " + why, e);
  }

  private static UsageException invalid(Shown file, int line, String what) {
    return new UsageException(
        "invalid nodes file " + file.shown() + ":" + line + ": " + what + EXPECTED);
  }

  /** Throws unless the node is a Node object, or (at the top) a list of them. */
  private static void check(SourceDocument document, Node node, Shown file, boolean item) {
    int line = document.line(node);
    if (!(node instanceof MappingNode mapping)) {
      throw invalid(file, line, "not a Kubernetes object");
    }
    String kind = YamlNodes.text(YamlNodes.get(mapping, "kind"));
    Node items = YamlNodes.get(mapping, "items");
    if (!item && kind != null && kind.endsWith("List") && items instanceof SequenceNode list) {
      for (Node entry : list.getValue()) {
        check(document, entry, file, true);
      }
      return;
    }
    if (!"Node".equals(kind)
        || !"v1".equals(YamlNodes.text(YamlNodes.get(mapping, "apiVersion")))) {
      throw invalid(file, line, "an object that is not a v1 Node");
    }
    if (YamlNodes.text(YamlNodes.at(mapping, "metadata.name")) == null) {
      throw invalid(file, line, "a Node without metadata.name");
    }
  }
}
