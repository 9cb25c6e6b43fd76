package io.chartlint.core.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.serialization.node.LocationJsonNodeFactory;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import io.chartlint.core.Severity;
import io.chartlint.core.UsageException;
import io.chartlint.core.engine.ConfigPositions;
import io.chartlint.core.engine.Inputs;
import io.chartlint.core.policy.cel.AdmissionPolicies;
import io.chartlint.core.policy.cel.CelPolicy;
import io.chartlint.core.policy.polaris.GoTemplate;
import io.chartlint.core.policy.polaris.PolarisCheck;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.core.scheduling.LabelSelector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads policy files (SPEC §11) and Polaris custom check files, validates them against {@code
 * policy.schema.json} shipped in the jar, and compiles their schemas. Every problem is a {@link
 * UsageException} naming the file, the line and what is wrong.
 */
public final class PolicyLoader {
  /**
   * Jackson and the schema validator, set up on first use: a run without policies never loads them,
   * which saves a good part of the command line's start-up.
   */
  private static final class Jackson {
    static final YAMLFactory YAML = YAMLFactory.builder().build();
    static final ObjectMapper MAPPER = new YAMLMapper(YAML);
    static final ObjectMapper YAML_WRITER =
        new YAMLMapper(
            YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
    static final Schema META_SCHEMA = loadMetaSchema();
  }

  private static final List<String> POLARIS_MARKERS =
      List.of("failureMessage", "successMessage", "target");

  private static final java.util.regex.Pattern UNKNOWN_KEYWORD =
      java.util.regex.Pattern.compile("Keyword '([^']+)' is unknown");

  private PolicyLoader() {}

  /**
   * The rules and the policies of these files and directories, as one rule set.
   *
   * @throws UsageException when a policy file is invalid or an id is taken
   */
  public static RuleSet withPolicies(RuleSet rules, List<Path> paths, Path workingDirectory) {
    if (paths.isEmpty()) {
      return rules;
    }
    List<Policy> policies = load(paths, workingDirectory);
    Map<String, Policy> seen = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    List<RuleDescriptor> descriptors = new ArrayList<>();
    for (Policy policy : policies) {
      RuleDescriptor builtIn = rules.find(policy.id()).orElse(null);
      Policy earlier = seen.putIfAbsent(policy.id(), policy);
      if (builtIn != null) {
        errors.add(
            policy.source()
                + ":1: the id '"
                + policy.id()
                + "' is taken by a built-in rule; choose another");
      } else if (earlier != null) {
        if (!earlier.file().equals(policy.file())) {
          errors.add(
              policy.source()
                  + ":1: the id '"
                  + policy.id()
                  + "' is taken by the policy in "
                  + earlier.source());
        }
      } else {
        descriptors.add(new PolicyRule(policy).descriptor());
      }
    }
    if (!errors.isEmpty()) {
      throw new UsageException(invalid(errors));
    }
    return descriptors.isEmpty() ? rules : rules.with(descriptors);
  }

  /** Reads the policy files named, and those in the directories named, sorted by path. */
  public static List<Policy> load(List<Path> paths, Path workingDirectory) {
    List<Policy> policies = new ArrayList<>();
    List<AdmissionPolicies.Document> kubernetes = new ArrayList<>();
    for (Path path : paths) {
      Path resolved = workingDirectory.resolve(path).normalize();
      if (Files.isDirectory(resolved)) {
        for (Path file : filesIn(resolved)) {
          loadInto(file, workingDirectory, policies, kubernetes);
        }
      } else if (Files.isRegularFile(resolved)) {
        loadInto(resolved, workingDirectory, policies, kubernetes);
      } else {
        throw new UsageException(
            "policy " + Inputs.display(resolved, workingDirectory) + " does not exist");
      }
    }
    if (!kubernetes.isEmpty()) {
      // bindings in one file decide for policies in another: all Kubernetes objects together
      policies.addAll(admissionPolicies(kubernetes));
    }
    return policies;
  }

  private static void loadInto(
      Path file,
      Path workingDirectory,
      List<Policy> policies,
      List<AdmissionPolicies.Document> kubernetes) {
    String shown = Inputs.display(file, workingDirectory);
    String text = read(file, shown);
    List<AdmissionPolicies.Document> documents = kubernetesDocuments(file, shown, text);
    if (documents != null) {
      kubernetes.addAll(documents);
    } else {
      policies.add(parse(file, shown, text));
    }
  }

  /**
   * The documents of a file of Kubernetes objects (ValidatingAdmissionPolicies, their bindings,
   * params), or null when the file is a chartlint policy or a Polaris check.
   */
  private static List<AdmissionPolicies.Document> kubernetesDocuments(
      Path file, String shown, String text) {
    List<JsonNode> nodes = readAllWithLocations(shown, text);
    if (nodes.isEmpty() || !AdmissionPolicies.isKubernetesObject(nodes.get(0))) {
      return null;
    }
    String[] lines = text.split("\n", -1);
    List<AdmissionPolicies.Document> documents = new ArrayList<>();
    for (JsonNode node : nodes) {
      if (node != null && !node.isMissingNode() && !node.isNull()) {
        documents.add(new AdmissionPolicies.Document(file, shown, lines, node));
      }
    }
    return documents;
  }

  private static List<Policy> admissionPolicies(List<AdmissionPolicies.Document> documents) {
    try {
      return AdmissionPolicies.policies(documents, PolicyLoader::lineOf);
    } catch (AdmissionPolicies.Invalid e) {
      throw new UsageException(invalid(e.problems()), e);
    }
  }

  private static String read(Path file, String shown) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read policy " + shown + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> filesIn(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                String name = f.getFileName().toString();
                return !name.startsWith(".")
                    && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
              })
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UsageException("cannot read policies in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Reads one policy file: a policy, a Polaris check, or one ValidatingAdmissionPolicy. */
  public static Policy load(Path file, Path workingDirectory) {
    String shown = Inputs.display(file, workingDirectory);
    String text = read(file, shown);
    List<AdmissionPolicies.Document> documents = kubernetesDocuments(file, shown, text);
    if (documents != null) {
      List<Policy> policies = admissionPolicies(documents);
      if (policies.size() != 1) {
        throw new UsageException(
            invalid(
                List.of(
                    shown
                        + ":1: holds "
                        + policies.size()
                        + " ValidatingAdmissionPolicies where one was expected")));
      }
      return policies.get(0);
    }
    return parse(file, shown, text);
  }

  static Policy parse(Path file, String shown, String text) {
    JsonNode root = readWithLocations(shown, text);
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw new UsageException(
          invalid(List.of(shown + ":1: a policy file holds one YAML mapping")));
    }
    boolean polaris = PolarisCheck.hasAnyKey(root, POLARIS_MARKERS);
    if (polaris) {
      PolarisCheck.normalizeKeys((com.fasterxml.jackson.databind.node.ObjectNode) root);
    }
    if (polaris && !root.has("schema") && !root.has("schemaString") && !root.has("jsonSchema")) {
      throw new UsageException(
          invalid(
              List.of(
                  shown
                      + ":1: this Polaris check has no schema, schemaString or jsonSchema;"
                      + " Polaris evaluates such checks in its own Go code, which a check file"
                      + " cannot carry")));
    }
    List<Error> errors = new ArrayList<>(Jackson.META_SCHEMA.validate(root));
    if (!errors.isEmpty()) {
      ConfigPositions positions = new ConfigPositions(text);
      java.util.function.ToIntFunction<Error> line =
          error -> {
            int exact = positions.lineOf(error);
            return exact > 0 ? exact : lineOf(error);
          };
      errors.sort(Comparator.comparingInt(line));
      List<String> lines = new ArrayList<>();
      for (Error error : errors) {
        lines.add(shown + ":" + line.applyAsInt(error) + ": " + ConfigPositions.describe(error));
      }
      throw new UsageException(invalid(lines));
    }
    return polaris ? polaris(file, shown, root, text) : chartlint(file, shown, root, text);
  }

  private static Policy chartlint(Path file, String shown, JsonNode root, String text) {
    JsonNode appliesTo = root.path("appliesTo");
    LabelSelector selector = null;
    if (appliesTo.has("selector")) {
      JsonNode s = appliesTo.get("selector");
      Map<String, String> labels = new LinkedHashMap<>();
      s.path("matchLabels")
          .properties()
          .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      List<LabelSelector.Requirement> expressions = new ArrayList<>();
      for (JsonNode x : s.path("matchExpressions")) {
        String operator = x.get("operator").asText();
        List<String> values = strings(x.path("values"));
        boolean needsValues = operator.equals("In") || operator.equals("NotIn");
        if (needsValues == values.isEmpty()) {
          throw new UsageException(
              invalid(
                  List.of(
                      shown
                          + ":"
                          + lineOf(x)
                          + ": operator "
                          + operator
                          + (needsValues ? " needs values" : " takes no values"))));
        }
        expressions.add(new LabelSelector.Requirement(x.get("key").asText(), operator, values));
      }
      selector = new LabelSelector(labels, expressions);
    }
    Policy.Target target =
        switch (appliesTo.path("target").asText("object")) {
          case "podSpec" -> Policy.Target.POD_SPEC;
          case "container" -> Policy.Target.CONTAINER;
          default -> Policy.Target.OBJECT;
        };
    CelPolicy cel = null;
    if (root.has("validations") || root.has("variables") || root.has("matchConditions")) {
      List<String> problems = new ArrayList<>();
      cel =
          AdmissionPolicies.celPolicy(
              new AdmissionPolicies.Document(file, shown, text.split("\n", -1), root),
              root,
              PolicyLoader::lineOf,
              problems);
      if (!problems.isEmpty()) {
        throw new UsageException(invalid(problems));
      }
    }
    return new Policy(
        root.get("id").asText(),
        root.has("severity") ? Severity.parse(root.get("severity").asText()) : Severity.WARNING,
        root.get("summary").asText().strip(),
        root.path("description").asText("").strip(),
        root.path("fix").asText("").strip(),
        root.path("category").asText("policy"),
        strings(appliesTo.path("kinds")),
        List.of(),
        strings(appliesTo.path("namespaces")),
        selector,
        target,
        Policy.Containers.ALL,
        false,
        root.has("schema") ? compile(shown, root.get("schema")) : null,
        shown,
        file,
        Policy.Format.CHARTLINT,
        null,
        cel);
  }

  private static Policy polaris(Path file, String shown, JsonNode root, String text) {
    String id = root.has("id") ? root.get("id").asText() : polarisId(file);
    String kebab = kebab(id);
    if (!kebab.matches("^[a-z0-9]+(-[a-z0-9]+)*$")) {
      throw new UsageException(
          invalid(
              List.of(
                  shown
                      + ":1: cannot make a rule id of '"
                      + id
                      + "'; name the file after the check, such as resourceRange.yaml")));
    }
    String target = root.get("target").asText();
    List<String> kinds = strings(root.path("controllers").path("include"));
    List<String> excluded = strings(root.path("controllers").path("exclude"));
    Policy.Target kind;
    switch (target) {
      case "Container" -> kind = Policy.Target.CONTAINER;
      // Polaris reads "Pod" as a kind, like apps/Deployment: the whole Pod object
      // (pkg/config/schema.go, IsActionable: only Controller, Container, PodSpec and PodTemplate
      // are targets of their own)
      case "PodSpec" -> kind = Policy.Target.POD_SPEC;
      case "PodTemplate" -> kind = Policy.Target.POD_TEMPLATE;
      case "Controller" -> kind = Policy.Target.WORKLOAD;
      default -> {
        kind = Policy.Target.OBJECT;
        // a group and kind, such as apps/Deployment; Polaris compares the kind only
        // (pkg/config/schema.go, IsActionable: strings.HasSuffix(target, "/"+kind))
        kinds = List.of(PolarisCheck.kindOf(target));
      }
    }
    List<String> include = strings(root.path("containers").path("include"));
    List<String> exclude = strings(root.path("containers").path("exclude"));
    boolean init =
        (include.isEmpty() || include.contains("initContainer"))
            && !exclude.contains("initContainer");
    boolean regular =
        (include.isEmpty() || include.contains("container")) && !exclude.contains("container");
    if (kind == Policy.Target.CONTAINER && !init && !regular) {
      throw new UsageException(
          invalid(
              List.of(
                  shown
                      + ":"
                      + lineOf(root.get("containers"))
                      + ": the check excludes every container")));
    }
    Policy.Containers containers =
        init && regular
            ? Policy.Containers.ALL
            : init ? Policy.Containers.ONLY_INIT_CONTAINERS : Policy.Containers.ONLY_CONTAINERS;
    String[] lines = text.split("\n", -1);
    JsonNode schema = root.get("schema");
    PolarisCheck.Part main = null;
    if (schema != null) {
      main = polarisPart(shown, lines, schema, schema.toString());
    }
    for (String field : List.of("schemaString", "jsonSchema")) {
      if (root.has(field)) {
        String source = root.get(field).asText();
        main = polarisPart(shown, lines, root.get(field), source);
        schema = main.template() == null ? readWithLocations(shown, source) : null;
      }
    }
    Map<String, PolarisCheck.Part> additional = new java.util.TreeMap<>();
    root.path("additionalSchemaStrings")
        .properties()
        .forEach(
            e ->
                additional.put(
                    e.getKey(), polarisPart(shown, lines, e.getValue(), e.getValue().asText())));
    // Polaris turns additionalSchemas into strings after additionalSchemaStrings, so they win
    root.path("additionalSchemas")
        .properties()
        .forEach(
            e ->
                additional.put(
                    e.getKey(), polarisPart(shown, lines, e.getValue(), e.getValue().toString())));
    for (Map.Entry<String, PolarisCheck.Part> e : additional.entrySet()) {
      if (e.getValue().template() == null) {
        JsonNode node =
            root.path("additionalSchemas").has(e.getKey())
                ? root.path("additionalSchemas").get(e.getKey())
                : root.path("additionalSchemaStrings").get(e.getKey());
        compile(shown, node.isTextual() ? readWithLocations(shown, node.asText()) : node);
      }
    }
    PolarisCheck check = new PolarisCheck(main, additional);
    String failure = root.get("failureMessage").asText().strip();
    String success = root.path("successMessage").asText("").strip();
    String description =
        "A Polaris custom check" + (success.isEmpty() ? "." : "; when it passes: " + success + ".");
    return new Policy(
        kebab,
        Severity.WARNING,
        failure.endsWith(".") ? failure.substring(0, failure.length() - 1) : failure,
        description,
        "",
        root.has("category") ? root.get("category").asText().toLowerCase(Locale.ROOT) : "policy",
        kinds,
        excluded,
        List.of(),
        null,
        kind,
        containers,
        kind == Policy.Target.CONTAINER && root.path("schemaTarget").asText("").startsWith("Pod"),
        main.template() == null ? compile(shown, schema) : null,
        shown,
        file,
        Policy.Format.POLARIS,
        check.isFixed() ? null : check,
        null);
  }

  /**
   * A schema of a Polaris check as text, parsed as a Go template when it has actions.
   *
   * @throws UsageException at the line of an action chartlint cannot evaluate
   */
  private static PolarisCheck.Part polarisPart(
      String shown, String[] lines, JsonNode node, String source) {
    if (!GoTemplate.isTemplate(source)) {
      return new PolarisCheck.Part(source, null);
    }
    try {
      return new PolarisCheck.Part(source, GoTemplate.parse(source));
    } catch (GoTemplate.TemplateException e) {
      int line;
      if (node.isTextual()) {
        // a block scalar (schemaString: |) starts on the line after its key
        int keyLine = lineOf(node);
        String keyText = keyLine - 1 < lines.length ? lines[keyLine - 1].strip() : "";
        boolean block = keyText.matches(".*:\\s*[|>][-+0-9]*\\s*(#.*)?");
        line = keyLine + (block ? 1 : 0) + e.line() - 1;
      } else {
        JsonNode failing = failingTemplate(node);
        line = lineOf(failing == null ? node : failing);
      }
      throw new UsageException(
          invalid(List.of(shown + ":" + line + ": Go template: " + e.getMessage())), e);
    }
  }

  /** The first string in a schema whose own template fails to parse, or null. */
  private static JsonNode failingTemplate(JsonNode node) {
    if (node.isTextual() && GoTemplate.isTemplate(node.asText())) {
      try {
        GoTemplate.parse(node.asText());
      } catch (GoTemplate.TemplateException e) {
        return node;
      }
    }
    for (JsonNode child : node) {
      JsonNode found = failingTemplate(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** A Polaris check is named after its file; {@code <id>/check.yaml} after its directory. */
  private static String polarisId(Path file) {
    String name = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    if (name.equals("check") && file.toAbsolutePath().getParent() != null) {
      return file.toAbsolutePath().getParent().getFileName().toString();
    }
    return name;
  }

  /** {@code resourceRange} becomes {@code resource-range}, {@code hostIPCSet} host-ipc-set. */
  static String kebab(String id) {
    return id.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
        .replace('_', '-')
        .toLowerCase(Locale.ROOT);
  }

  /** A copy of the tree without the object members whose value is null. */
  static JsonNode withoutNullMembers(JsonNode node) {
    if (node == null || !node.isContainerNode()) {
      return node;
    }
    JsonNode copy = node.deepCopy();
    prune(copy);
    return copy;
  }

  /**
   * Keywords whose value is never a string: an empty string there can only be a key written with
   * nothing after it ({@code required:}), which the location-keeping YAML reader returns as "".
   */
  private static final java.util.Set<String> NEVER_STRING =
      java.util.Set.of(
          "required",
          "properties",
          "items",
          "prefixItems",
          "enum",
          "allOf",
          "anyOf",
          "oneOf",
          "not",
          "if",
          "then",
          "else",
          "contains",
          "patternProperties",
          "additionalProperties",
          "dependentRequired",
          "dependentSchemas",
          "$defs",
          "definitions",
          "minItems",
          "maxItems",
          "minLength",
          "maxLength",
          "minProperties",
          "maxProperties",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "multipleOf",
          "uniqueItems");

  private static boolean writtenEmpty(String keyword, JsonNode value) {
    return value.isTextual() && value.asText().isEmpty() && NEVER_STRING.contains(keyword);
  }

  private static void prune(JsonNode node) {
    if (node.isObject()) {
      var object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
      List<String> nulls = new ArrayList<>();
      object
          .properties()
          .forEach(
              e -> {
                if (e.getValue().isNull() || writtenEmpty(e.getKey(), e.getValue())) {
                  nulls.add(e.getKey());
                } else {
                  prune(e.getValue());
                }
              });
      object.remove(nulls);
    } else if (node.isArray()) {
      node.forEach(PolicyLoader::prune);
    }
  }

  private static Schema compile(String shown, JsonNode schema) {
    // A keyword written with no value (`required:` in YAML) is absent, as Kubernetes and Polaris
    // read YAML nulls; only what is written is checked against the meta-schema.
    List<Error> meta = PolicySchemaCheck.errors(withoutNullMembers(schema));
    if (!meta.isEmpty()) {
      java.util.Set<String> lines = new java.util.LinkedHashSet<>();
      for (Error error : meta) {
        // the meta-schema's instance is this schema: its location names the offending keyword
        NodePath path = error.getInstanceLocation();
        String keyword = path == null || path.getNameCount() == 0 ? "" : path.toString();
        lines.add(
            shown
                + ":"
                + lineOf(nodeAt(schema, path))
                + ": invalid schema: "
                + (keyword.isEmpty() ? "" : "schema" + keyword.replace('/', '.') + ": ")
                + error.getMessage());
      }
      throw new UsageException(invalid(new ArrayList<>(lines)));
    }
    try {
      return PolicySchemas.compile(schema);
    } catch (StackOverflowError e) {
      throw new UsageException(
          invalid(
              List.of(
                  shown
                      + ":"
                      + lineOf(schema)
                      + ": invalid schema: its references recurse without end")));
    } catch (SchemaException e) {
      int line = lineOf(schema);
      Error error = e.getError();
      if (error != null && error.getSchemaLocation() != null) {
        line = lineOf(nodeAt(schema, error.getSchemaLocation().getFragment()));
      } else if (error != null && error.getEvaluationPath() != null) {
        line = lineOf(nodeAt(schema, error.getEvaluationPath()));
      }
      String message = error != null ? error.getMessage() : e.getMessage();
      java.util.regex.Matcher unknown = UNKNOWN_KEYWORD.matcher(message);
      if (unknown.find()) {
        JsonNode value = findField(schema, unknown.group(1));
        if (value != null) {
          line = lineOf(value);
        }
        message = "unknown keyword '" + unknown.group(1) + "'";
      }
      throw new UsageException(
          invalid(List.of(shown + ":" + line + ": invalid schema: " + message)), e);
    } catch (RuntimeException e) {
      throw new UsageException(
          invalid(List.of(shown + ":" + lineOf(schema) + ": invalid schema: " + e.getMessage())),
          e);
    }
  }

  /** The value of the first field of that name, depth first. */
  private static JsonNode findField(JsonNode node, String name) {
    if (node.has(name) && node.isObject()) {
      return node.get(name);
    }
    for (JsonNode child : node) {
      JsonNode found = findField(child, name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static JsonNode nodeAt(JsonNode root, NodePath path) {
    JsonNode current = root;
    if (path == null) {
      return root;
    }
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      JsonNode next =
          element instanceof Integer n ? current.get(n) : current.get(String.valueOf(element));
      if (next == null) {
        break;
      }
      current = next;
    }
    return current;
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  private static String invalid(List<String> problems) {
    return "invalid policy:"
        + System.lineSeparator()
        + "  "
        + String.join(System.lineSeparator() + "  ", problems);
  }

  /** The explanation {@code chartlint explain} prints: description, fix, scope and schema. */
  static String explanation(Policy policy) {
    StringBuilder s = new StringBuilder();
    if (!policy.description().isEmpty()) {
      s.append(policy.description()).append("\n\n");
    }
    s.append("## How to fix\n\n");
    s.append(
            policy.fix().isEmpty()
                ? "Change the " + targetName(policy.target()) + " so that it satisfies the schema."
                : policy.fix())
        .append("\n\n");
    s.append("## Policy\n\n");
    if (policy.format() == Policy.Format.VALIDATING_ADMISSION_POLICY) {
      s.append("A ValidatingAdmissionPolicy from `").append(policy.source()).append("`.");
      appendCel(s, policy.cel());
      return s.toString();
    }
    s.append("A custom policy from `")
        .append(policy.source())
        .append(policy.format() == Policy.Format.POLARIS ? "` (a Polaris custom check)" : "`")
        .append(". It checks the ")
        .append(targetName(policy.target()))
        .append(" of ")
        .append(policy.kinds().isEmpty() ? "every object" : String.join(", ", policy.kinds()));
    if (!policy.excludedKinds().isEmpty()) {
      s.append(" except ").append(String.join(", ", policy.excludedKinds()));
    }
    if (!policy.namespaces().isEmpty()) {
      s.append(" in namespace ").append(String.join(", ", policy.namespaces()));
    }
    if (policy.selector() != null) {
      s.append(" whose labels match ").append(describe(policy.selector()));
    }
    if (policy.schema() == null && policy.polaris() != null) {
      s.append(" against a schema rendered from a Go template with each object.");
    } else if (policy.schema() == null) {
      s.append(".");
    } else {
      s.append(" against this schema:\n\n```yaml\n");
      try {
        s.append(Jackson.YAML_WRITER.writeValueAsString(policy.schema().getSchemaNode()).strip());
      } catch (JsonProcessingException e) {
        s.append(policy.schema().getSchemaNode().toString());
      }
      s.append("\n```");
    }
    if (policy.polaris() != null && !policy.polaris().additional().isEmpty()) {
      s.append("\n\nIt also needs, in the object's namespace, a ")
          .append(String.join(", a ", policy.polaris().additional().keySet()))
          .append(" that satisfies the check's schema for it.");
    }
    appendCel(s, policy.cel());
    return s.toString();
  }

  private static void appendCel(StringBuilder s, CelPolicy cel) {
    if (cel == null) {
      return;
    }
    if (!cel.matchConditions().isEmpty()) {
      s.append("\n\nIt applies where these CEL conditions hold:\n");
      cel.matchConditions()
          .forEach(c -> s.append("\n- `").append(oneLine(c.expression().source())).append('`'));
    }
    if (!cel.variables().isEmpty()) {
      s.append("\n\nVariables:\n");
      cel.variables()
          .forEach(
              v ->
                  s.append("\n- `")
                      .append(v.name())
                      .append("`: `")
                      .append(oneLine(v.expression().source()))
                      .append('`'));
    }
    s.append("\n\nEach of these CEL expressions must be true:\n");
    for (CelPolicy.Validation v : cel.validations()) {
      s.append("\n- `").append(oneLine(v.expression().source())).append('`');
      if (v.message() != null) {
        s.append(": ").append(v.message().strip());
      }
    }
    if (cel.bound()) {
      s.append("\n\nBindings that apply it: ");
      s.append(
          cel.bindings().isEmpty()
              ? "none, so it checks nothing."
              : String.join(", ", cel.bindings().stream().map(CelPolicy.Binding::name).toList())
                  + ".");
    }
  }

  private static String oneLine(String expression) {
    return expression.strip().replaceAll("\\s*\\n\\s*", " ").replace("`", "'");
  }

  private static String describe(LabelSelector selector) {
    List<String> parts = new ArrayList<>();
    selector.matchLabels().forEach((k, v) -> parts.add(k + "=" + v));
    for (LabelSelector.Requirement x : selector.matchExpressions()) {
      parts.add(x.key() + " " + x.operator() + (x.values().isEmpty() ? "" : " " + x.values()));
    }
    return String.join(", ", parts);
  }

  private static String targetName(Policy.Target target) {
    return switch (target) {
      case OBJECT, WORKLOAD -> "object";
      case POD_TEMPLATE -> "pod template";
      case POD_SPEC -> "pod spec";
      case CONTAINER -> "container and init container";
    };
  }

  /** Every document of a YAML stream, with positions. */
  static List<JsonNode> readAllWithLocations(String shown, String text) {
    try (JsonParser parser = Jackson.YAML.createParser(text)) {
      List<JsonNode> nodes = new ArrayList<>();
      try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> it =
          Jackson.MAPPER
              .reader()
              .with(new LocationJsonNodeFactory(parser))
              .forType(JsonNode.class)
              .readValues(parser)) {
        while (it.hasNextValue()) {
          nodes.add(it.nextValue());
        }
      }
      return nodes;
    } catch (IOException | RuntimeException e) {
      // the single-document reader gives the precise message, with its line
      JsonNode single = readWithLocations(shown, text);
      return single == null ? List.of() : List.of(single);
    }
  }

  static JsonNode readWithLocations(String shown, String text) {
    try (JsonParser parser = Jackson.YAML.createParser(text)) {
      return Jackson.MAPPER.reader().with(new LocationJsonNodeFactory(parser)).readTree(parser);
    } catch (IOException e) {
      int line = 1;
      String detail = e.getMessage();
      if (e instanceof JsonProcessingException jpe) {
        detail = jpe.getOriginalMessage().lines().findFirst().orElse("").strip();
        if (jpe.getLocation() != null) {
          line = Math.max(1, jpe.getLocation().getLineNr());
        }
      }
      if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
          && marked.getProblemMark() != null) {
        line = marked.getProblemMark().getLine() + 1; // SnakeYAML's line, not the one after
        detail = marked.getProblem() != null ? marked.getProblem() : detail;
      }
      throw new UsageException(invalid(List.of(shown + ":" + line + ": " + detail)), e);
    }
  }

  private static int lineOf(Error error) {
    JsonNode instance = error.getInstanceNode();
    String property = error.getProperty();
    if (property != null && instance != null && instance.has(property)) {
      return lineOf(instance.get(property));
    }
    return lineOf(instance);
  }

  static int lineOf(JsonNode node) {
    if (node instanceof TokenStreamLocationAware aware) {
      JsonLocation location = aware.tokenStreamLocation();
      if (location != null && location.getLineNr() > 0) {
        return location.getLineNr();
      }
    }
    return 1;
  }

  private static Schema loadMetaSchema() {
    try (InputStream in = PolicyLoader.class.getResourceAsStream("policy.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource policy.schema.json");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
