package io.chartlint.core.engine;

import io.chartlint.core.Severity;
import io.chartlint.core.model.PodTemplatePath;
import io.chartlint.core.rule.RuleParameters;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A {@code .chartlint.yaml}, validated. Paths in it are resolved against its directory.
 *
 * @param file the file it was read from, or null for the defaults
 * @param failOn the threshold, or null when the file sets none
 * @param ignore gitignore-style patterns, relative to the config's directory, of paths not to lint
 * @param suppressionPolicy which inline suppressions count (the {@code suppressions} section)
 */
public record Config(
    Path file,
    FailOn failOn,
    Map<String, RuleConfig> rules,
    List<Path> nodes,
    List<PodTemplatePath> podTemplatePaths,
    List<Exclude> excludes,
    Path baseline,
    List<Path> policies,
    List<String> ignore,
    SuppressionPolicy suppressionPolicy) {

  public static final Config DEFAULTS =
      new Config(null, null, Map.of(), List.of(), List.of(), List.of(), null, List.of());

  public Config {
    rules = Map.copyOf(rules);
    nodes = List.copyOf(nodes);
    podTemplatePaths = List.copyOf(podTemplatePaths);
    excludes = List.copyOf(excludes);
    policies = List.copyOf(policies);
    ignore = List.copyOf(ignore);
    suppressionPolicy = suppressionPolicy == null ? SuppressionPolicy.DEFAULT : suppressionPolicy;
  }

  /** A config without {@code ignore} patterns, whose inline suppressions all count. */
  public Config(
      Path file,
      FailOn failOn,
      Map<String, RuleConfig> rules,
      List<Path> nodes,
      List<PodTemplatePath> podTemplatePaths,
      List<Exclude> excludes,
      Path baseline,
      List<Path> policies) {
    this(
        file,
        failOn,
        rules,
        nodes,
        podTemplatePaths,
        excludes,
        baseline,
        policies,
        List.of(),
        SuppressionPolicy.DEFAULT);
  }

  /** The same config with another suppression policy. */
  public Config withSuppressionPolicy(SuppressionPolicy policy) {
    return new Config(
        file, failOn, rules, nodes, podTemplatePaths, excludes, baseline, policies, ignore, policy);
  }

  /** This config with more node inventory files after its own {@code nodes:}. */
  public Config withNodes(List<Path> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Path> all = new java.util.ArrayList<>(nodes);
    all.addAll(more);
    return new Config(file, failOn, rules, all, podTemplatePaths, excludes, baseline, policies);
  }

  public RuleConfig rule(String id) {
    return rules.getOrDefault(id, RuleConfig.DEFAULT);
  }

  /**
   * What the config says of one rule.
   *
   * @param enabled null when not set
   * @param severity null when not set
   * @param line the line of the rule's entry in the config, for messages
   */
  public record RuleConfig(
      Boolean enabled, Severity severity, RuleParameters parameters, int line) {
    public static final RuleConfig DEFAULT = new RuleConfig(null, null, RuleParameters.NONE, 0);
  }

  /**
   * An {@code exclude} entry. Null fields match anything; {@code *} in a string field matches any
   * run of characters.
   *
   * @param containers when not empty, the entry hides only findings on these containers (init and
   *     ephemeral containers included), each name exact or with {@code *}
   */
  public record Exclude(
      String kind,
      String namespace,
      String name,
      String template,
      List<String> rules,
      String reason,
      LocalDate until,
      int line,
      List<String> containers) {

    /** An entry that applies to whole objects. */
    public Exclude(
        String kind,
        String namespace,
        String name,
        String template,
        List<String> rules,
        String reason,
        LocalDate until,
        int line) {
      this(kind, namespace, name, template, rules, reason, until, line, List.of());
    }

    public Exclude {
      containers = containers == null ? List.of() : List.copyOf(containers);
    }

    /** {@code .chartlint.yaml:12 (kind DaemonSet, name kube-proxy)}, for the summary. */
    public String describe(Path configFile) {
      StringBuilder s = new StringBuilder();
      s.append(configFile == null ? "config" : configFile.getFileName()).append(':').append(line);
      return s.toString();
    }
  }
}
