package io.chartlint.core.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.serialization.node.LocationJsonNodeFactory;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import io.chartlint.core.Severity;
import io.chartlint.core.UsageException;
import io.chartlint.core.model.PodTemplatePath;
import io.chartlint.core.rule.RuleParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, reads and validates {@code .chartlint.yaml} against the JSON Schema shipped in the jar.
 * Every problem is a {@link UsageException} naming the file, the line and what is wrong.
 */
public final class ConfigLoader {
  public static final String FILE_NAME = ConfigFile.NAME;

  /**
   * The YAML reader and the schema, built on first use: a run without a config file never loads
   * Jackson or the schema validator, which saves a third of the start-up time.
   */
  private static final class Parsing {
    static final YAMLFactory YAML = YAMLFactory.builder().build();
    static final ObjectMapper MAPPER = new YAMLMapper(YAML);
    static final Schema SCHEMA = loadSchema("config.schema.json");
  }

  private ConfigLoader() {}

  /**
   * The config of a working directory: {@code .chartlint.yaml} there or in a parent, up to the
   * repository root (the first directory holding {@code .git}); the defaults when there is none.
   */
  public static Config discover(Path workingDirectory) {
    return ConfigFile.find(workingDirectory).map(ConfigLoader::load).orElse(Config.DEFAULTS);
  }

  /** Reads one config file. */
  public static Config load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read config " + file + ": " + e.getMessage(), e);
    }
    return parse(file, text);
  }

  static Config parse(Path file, String text) {
    JsonNode root = readWithLocations(file, text);
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new Config(file, null, Map.of(), List.of(), List.of(), List.of(), null, List.of());
    }
    List<Error> errors;
    try {
      errors = Parsing.SCHEMA.validate(root);
    } catch (StackOverflowError e) {
      throw new UsageException("invalid config: " + file + ": it is nested too deeply to check");
    }
    if (!errors.isEmpty()) {
      ConfigPositions positions = new ConfigPositions(text);
      java.util.function.ToIntFunction<Error> line =
          error -> {
            int exact = positions.lineOf(error);
            return exact > 0 ? exact : lineOf(error);
          };
      errors.sort(Comparator.comparingInt(line));
      StringBuilder message = new StringBuilder("invalid config:");
      for (Error error : errors) {
        String where = ConfigPositions.describe(error.getInstanceLocation());
        boolean named =
            error.getProperty() != null && error.getMessage().contains(error.getProperty());
        message
            .append(System.lineSeparator())
            .append("  ")
            .append(file)
            .append(':')
            .append(line.applyAsInt(error))
            .append(": ")
            .append(where.isEmpty() || named ? "" : where + ": ")
            .append(error.getMessage());
      }
      throw new UsageException(message.toString());
    }
    Path base = file.toAbsolutePath().getParent();
    FailOn failOn = root.has("failOn") ? FailOn.parse(root.get("failOn").asText()) : null;

    Map<String, Config.RuleConfig> rules = new LinkedHashMap<>();
    JsonNode rulesNode = root.path("rules");
    rulesNode
        .fields()
        .forEachRemaining(
            entry -> {
              ObjectNode body = ((ObjectNode) entry.getValue()).deepCopy();
              Boolean enabled = body.has("enabled") ? body.get("enabled").booleanValue() : null;
              Severity severity =
                  body.has("severity") ? Severity.parse(body.get("severity").asText()) : null;
              body.remove("enabled");
              body.remove("severity");
              rules.put(
                  entry.getKey(),
                  new Config.RuleConfig(
                      enabled, severity, new RuleParameters(body), lineOf(entry.getValue(), root)));
            });

    List<PodTemplatePath> podPaths = new ArrayList<>();
    for (JsonNode p : root.path("podTemplatePaths")) {
      podPaths.add(
          new PodTemplatePath(
              p.has("apiVersion") ? p.get("apiVersion").asText() : null,
              p.get("kind").asText(),
              p.get("path").asText()));
    }

    List<Config.Exclude> excludes = new ArrayList<>();
    for (JsonNode e : root.path("exclude")) {
      List<String> ids = new ArrayList<>();
      e.path("rules").forEach(r -> ids.add(r.asText()));
      LocalDate until = null;
      if (e.has("until")) {
        try {
          until = LocalDate.parse(e.get("until").asText());
        } catch (java.time.format.DateTimeParseException ex) {
          throw new UsageException(
              file
                  + ":"
                  + lineOf(e.get("until"), root)
                  + ": 'until' is not a date: "
                  + ex.getMessage());
        }
      }
      List<String> containers = new ArrayList<>();
      e.path("containers").forEach(c -> containers.add(c.asText()));
      excludes.add(
          new Config.Exclude(
              text(e, "kind"),
              text(e, "namespace"),
              text(e, "name"),
              text(e, "template"),
              ids,
              e.get("reason").asText(),
              until,
              lineOf(e, root),
              containers));
    }

    return new Config(
        file,
        failOn,
        rules,
        paths(root.path("nodes"), base),
        podPaths,
        excludes,
        root.has("baseline") ? base.resolve(root.get("baseline").asText()) : null,
        paths(root.path("policies"), base),
        strings(root.path("ignore")),
        suppressionPolicy(file, root));
  }

  /** The {@code suppressions} section; every inline suppression counts when it is absent. */
  private static SuppressionPolicy suppressionPolicy(Path file, JsonNode root) {
    JsonNode node = root.get("suppressions");
    if (node == null) {
      return SuppressionPolicy.DEFAULT;
    }
    return new SuppressionPolicy(
        node.path("annotations").asBoolean(true),
        node.path("comments").asBoolean(true),
        node.path("requireReason").asBoolean(false),
        "the suppressions section of " + file.getFileName());
  }

  private static String text(JsonNode node, String field) {
    return node.has(field) ? node.get(field).asText() : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(p -> list.add(p.asText()));
    return list;
  }

  private static List<Path> paths(JsonNode array, Path base) {
    List<Path> list = new ArrayList<>();
    array.forEach(p -> list.add(base.resolve(p.asText()).normalize()));
    return list;
  }

  /** Parses YAML into JSON nodes that remember their line, so schema errors can name it. */
  static JsonNode readWithLocations(Path file, String text) {
    try (JsonParser parser = Parsing.YAML.createParser(text)) {
      return Parsing.MAPPER.reader().with(new LocationJsonNodeFactory(parser)).readTree(parser);
    } catch (IOException e) {
      String where = "";
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
          && jpe.getLocation() != null) {
        where = ":" + jpe.getLocation().getLineNr();
      }
      String detail =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
              ? jpe.getOriginalMessage()
              : e.getMessage();
      if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
        // SnakeYAML's own mark: the line of the problem (a tab on line 2 is line 2), and its
        // problem alone, without the snippet of the file it would otherwise quote
        org.yaml.snakeyaml.error.Mark mark =
            marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
        if (mark != null) {
          where = ":" + (mark.getLine() + 1);
        }
        detail = marked.getProblem() != null ? marked.getProblem() : detail;
      }
      throw new UsageException("invalid config: " + file + where + ": " + detail, e);
    }
  }

  /**
   * The line an error is about: the offending property's own line when the error names one that is
   * present (an unknown key), else the line of the instance.
   */
  public static int lineOf(Error error) {
    JsonNode instance = error.getInstanceNode();
    String property = error.getProperty();
    if (property != null && instance != null && instance.has(property)) {
      return lineOf(instance.get(property), null);
    }
    return lineOf(instance, null);
  }

  /** The 1-based line of a node parsed by {@link #readWithLocations}, or 1 when it has none. */
  public static int lineOf(JsonNode node, JsonNode root) {
    if (node instanceof TokenStreamLocationAware aware) {
      JsonLocation location = aware.tokenStreamLocation();
      if (location != null && location.getLineNr() > 0) {
        return location.getLineNr();
      }
    }
    return 1;
  }

  private static Schema loadSchema(String name) {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + name);
      }
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
      return registry.getSchema(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
