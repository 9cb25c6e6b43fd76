package io.chartlint.core.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartlint.core.UsageException;
import io.chartlint.core.rule.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings recorded on one day so that only new ones are reported (SPEC §9). An entry names the
 * rule, the object, the field path and the file, never the line, so it still matches after edits
 * elsewhere in the file. Matching counts: a baseline with one entry hides one finding of that key,
 * and a second finding of the same key is new.
 *
 * <p>Files are stored relative to the baseline's own directory, so a baseline written from the
 * repository root still matches when chartlint runs from a subdirectory.
 */
public final class Baseline {
  /** What {@code by} of a finding that a baseline hides starts with. */
  public static final String SUPPRESSED_BY = "baseline ";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int FORMAT = 1;

  /** The identity of a finding in a baseline; null fields are absent from the finding. */
  public record Key(
      String ruleId, String kind, String namespace, String name, String path, String file) {}

  private final Path file;
  private final String shown;
  private final Map<Key, Integer> counts;
  private final Map<Key, Integer> remaining;

  private Baseline(Path file, String shown, Map<Key, Integer> counts) {
    this.file = file;
    this.shown = shown;
    this.counts = counts;
    this.remaining = new LinkedHashMap<>(counts);
  }

  /** Reads a baseline; a missing or malformed file is the user's mistake. */
  public static Baseline read(Path file, Path workingDirectory) {
    String shown = Inputs.display(file, workingDirectory);
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new UsageException(
          "baseline " + shown + " does not exist (create it with --write-baseline " + shown + ")");
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the token it choked on; a file named as a baseline by mistake
      // (an .env, a key) must not have its content printed into a CI log
      String at =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new UsageException(
          "baseline "
              + shown
              + " is not valid JSON"
              + at
              + "; write a baseline with --write-baseline "
              + shown,
          e);
    } catch (IOException e) {
      throw new UsageException("cannot read baseline " + shown + ": " + e.getMessage(), e);
    }
    JsonNode entries = root == null ? null : root.get("findings");
    if (entries == null || !entries.isArray()) {
      throw new UsageException(
          "baseline " + shown + " has no \"findings\" list; write it with --write-baseline");
    }
    Map<Key, Integer> counts = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode entry : entries) {
      String ruleId = text(entry, "ruleId");
      String entryFile = text(entry, "file");
      if (ruleId == null || entryFile == null) {
        throw new UsageException(
            "baseline " + shown + ": entry " + index + " needs \"ruleId\" and \"file\"");
      }
      JsonNode resource = entry.get("resource");
      Key key =
          new Key(
              ruleId,
              text(resource, "kind"),
              text(resource, "namespace"),
              text(resource, "name"),
              emptyToNull(text(entry, "path")),
              entryFile);
      counts.merge(key, 1, Integer::sum);
      index++;
    }
    return new Baseline(file.toAbsolutePath().normalize(), shown, counts);
  }

  /** Writes today's findings as a baseline. */
  public static void write(Path file, List<Finding> findings, Path workingDirectory)
      throws IOException {
    Path base = baseDirectory(file.toAbsolutePath().normalize());
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put(
        "comment",
        "Findings recorded with chartlint --write-baseline; chartlint --baseline hides them."
            + " Entries are matched by ruleId, resource, path and file; message is for people.");
    ArrayNode list = root.putArray("findings");
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Linter.ORDER);
    for (Finding f : sorted) {
      Key key = keyOf(f, base, workingDirectory);
      ObjectNode entry = list.addObject();
      entry.put("ruleId", key.ruleId());
      if (f.resource() == null) {
        entry.putNull("resource");
      } else {
        ObjectNode resource = entry.putObject("resource");
        resource.put("kind", key.kind());
        resource.put("namespace", key.namespace());
        resource.put("name", key.name());
      }
      entry.put("path", key.path() == null ? "" : key.path());
      entry.put("file", key.file());
      entry.put("message", f.message());
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        file,
        MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
        StandardCharsets.UTF_8);
  }

  /**
   * Whether the baseline holds a finding not yet matched; if so, that entry is used up. Called in
   * the report order, so the first findings of a key are the ones hidden.
   */
  synchronized boolean consume(Finding finding, Path workingDirectory) {
    Key key = keyOf(finding, baseDirectory(file), workingDirectory);
    Integer left = remaining.get(key);
    if (left == null || left == 0) {
      return false;
    }
    remaining.put(key, left - 1);
    return true;
  }

  /** How a finding hidden by this baseline says so. */
  String description() {
    return SUPPRESSED_BY + shown;
  }

  /** The entries that matched no finding, one line each, for the summary. */
  List<String> unused() {
    return unused(file -> true);
  }

  /**
   * The entries about files this run linted that matched no finding: an entry about a file the run
   * did not read may well still match, so it is not called unused.
   *
   * @param linted whether a file was linted, given as an absolute path or as {@code <stdin>}
   */
  List<String> unused(java.util.function.Predicate<String> linted) {
    List<String> list = new ArrayList<>();
    Path base = baseDirectory(file);
    for (Map.Entry<Key, Integer> entry : remaining.entrySet()) {
      if (entry.getValue() == 0) {
        continue;
      }
      Key k = entry.getKey();
      String entryFile =
          k.file().startsWith("<") ? k.file() : base.resolve(k.file()).normalize().toString();
      if (!linted.test(entryFile)) {
        continue;
      }
      StringBuilder s = new StringBuilder(shown).append(": baseline entry ");
      s.append(k.ruleId()).append(" in ").append(k.file());
      if (k.kind() != null || k.name() != null) {
        s.append(" on ")
            .append(k.kind())
            .append('/')
            .append(k.namespace() == null ? "" : k.namespace() + "/")
            .append(k.name());
      }
      if (k.path() != null) {
        s.append(" at ").append(k.path());
      }
      int total = counts.get(k);
      s.append(" matches nothing");
      if (total > 1) {
        s.append(" (").append(entry.getValue()).append(" of ").append(total).append(" unused)");
      }
      list.add(s.toString());
    }
    return list;
  }

  private static Key keyOf(Finding f, Path base, Path workingDirectory) {
    return new Key(
        f.ruleId(),
        f.resource() == null ? null : f.resource().kind(),
        f.resource() == null ? null : f.resource().namespace(),
        f.resource() == null ? null : f.resource().name(),
        emptyToNull(f.identityPath()),
        relative(f.location().file(), base, workingDirectory));
  }

  private static String relative(String file, Path base, Path workingDirectory) {
    if (file.startsWith("<")) {
      return file; // <stdin> has no place on disk
    }
    Path absolute = workingDirectory.resolve(file).toAbsolutePath().normalize();
    Path rel = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    return rel.toString().replace('\\', '/');
  }

  private static Path baseDirectory(Path baselineFile) {
    Path parent = baselineFile.getParent();
    return parent == null ? Path.of("").toAbsolutePath() : parent;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
