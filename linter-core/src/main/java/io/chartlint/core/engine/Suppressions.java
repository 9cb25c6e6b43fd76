package io.chartlint.core.engine;

import io.chartlint.core.rule.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The config's {@code exclude} entries, shared by every worker thread. */
final class Suppressions {
  private final Config config;
  private final LocalDate today;
  private final Set<Config.Exclude> used = ConcurrentHashMap.newKeySet();
  private final Set<Config.Exclude> covered = ConcurrentHashMap.newKeySet();

  Suppressions(Config config, LocalDate today) {
    this.config = config;
    this.today = today;
  }

  /** Which inline suppressions count in this run. */
  SuppressionPolicy policy() {
    return config.suppressionPolicy();
  }

  /** The description of the exclude entry that hides a finding, or null. */
  String excludedBy(Finding finding, String template) {
    for (Config.Exclude exclude : config.excludes()) {
      if (exclude.until() != null && today.isAfter(exclude.until())) {
        continue;
      }
      if (matches(exclude, finding, template)) {
        used.add(exclude);
        return "exclude at " + where(exclude) + " (" + exclude.reason() + ")";
      }
    }
    return null;
  }

  private static boolean matches(Config.Exclude e, Finding f, String template) {
    if (!e.rules().isEmpty() && !e.rules().contains(f.ruleId())) {
      return false;
    }
    if (e.template() != null
        && !glob(e.template(), template)
        && !glob(e.template(), f.location().file())) {
      return false;
    }
    if (!e.containers().isEmpty() && !onContainer(e.containers(), f)) {
      return false;
    }
    if (e.kind() == null && e.namespace() == null && e.name() == null) {
      return true;
    }
    if (f.resource() == null) {
      return false;
    }
    return glob(e.kind(), f.resource().kind())
        && glob(e.namespace(), f.resource().namespace())
        && glob(e.name(), f.resource().name());
  }

  /**
   * Whether a finding is on one of the named containers: its identity path passes through a
   * container of that name ({@code spec.template.spec.initContainers[name=setup].image}). A finding
   * about the pod as a whole names no container and matches none.
   */
  private static boolean onContainer(List<String> patterns, Finding f) {
    String name = containerOf(f.identityPath());
    if (name == null) {
      return false;
    }
    for (String pattern : patterns) {
      if (glob(pattern, name)) {
        return true;
      }
    }
    return false;
  }

  // PodSpec's three lists of containers (core/v1 types.go); a named item is written [name=...].
  private static final Pattern CONTAINER =
      Pattern.compile(
          "(?:^|\\.)(?:containers|initContainers|ephemeralContainers)\\[name=(.*?)\\](?=[.\\[]|$)");

  /** The name of the container a field path passes through, or null. */
  static String containerOf(String identityPath) {
    if (identityPath == null) {
      return null;
    }
    java.util.regex.Matcher m = CONTAINER.matcher(identityPath);
    return m.find() ? m.group(1) : null;
  }

  /** A null pattern matches anything; {@code *} in a pattern matches any run of characters. */
  static boolean glob(String pattern, String value) {
    if (pattern == null) {
      return true;
    }
    if (value == null) {
      return false;
    }
    List<String> parts = new ArrayList<>();
    for (String part : pattern.split("\\*", -1)) {
      parts.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join(".*", parts)).matcher(value).matches();
  }

  private String where(Config.Exclude exclude) {
    return (config.file() == null ? "config" : config.file().getFileName().toString())
        + ":"
        + exclude.line();
  }

  /**
   * Notes a document the run linted: an exclude entry whose template pattern matches it had its
   * chance to suppress something.
   */
  void sawDocument(String template, String file) {
    for (Config.Exclude exclude : config.excludes()) {
      if (exclude.template() != null
          && !covered.contains(exclude)
          && (glob(exclude.template(), template) || glob(exclude.template(), file))) {
        covered.add(exclude);
      }
    }
  }

  List<String> unusedExcludes() {
    return unusedExcludes(true);
  }

  /**
   * The entries that suppressed nothing although the run saw what they are about.
   *
   * @param wholeProject whether the run walked the config's directory, and so saw every object an
   *     entry can name; otherwise only entries whose template pattern matched a linted file count
   */
  List<String> unusedExcludes(boolean wholeProject) {
    List<String> list = new ArrayList<>();
    for (Config.Exclude exclude : config.excludes()) {
      boolean expired = exclude.until() != null && today.isAfter(exclude.until());
      boolean seen = wholeProject || covered.contains(exclude);
      if (!expired && seen && !used.contains(exclude)) {
        list.add(where(exclude) + ": exclude entry suppresses nothing");
      }
    }
    return list;
  }

  List<String> expiredExcludes() {
    List<String> list = new ArrayList<>();
    for (Config.Exclude exclude : config.excludes()) {
      if (exclude.until() != null && today.isAfter(exclude.until())) {
        list.add(
            where(exclude)
                + ": exclude entry expired on "
                + exclude.until()
                + " and no longer applies ("
                + exclude.reason()
                + ")");
      }
    }
    return list;
  }
}
