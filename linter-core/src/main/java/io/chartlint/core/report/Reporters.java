package io.chartlint.core.report;

import io.chartlint.core.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The reporters by name: the built-in ones and any registered through {@code ServiceLoader}.
 *
 * <p>A built-in reporter is created only when asked for: the text report, the pre-commit case, then
 * never loads the JSON and XML libraries the others need (start-up time).
 */
public final class Reporters {
  private static final List<String> BUILT_IN =
      List.of("text", "json", "sarif", "junit", "github", "gitlab", "checkstyle");

  private Reporters() {}

  /** Registered reporters, looked up on first need; built-in names win. */
  private static final class Registered {
    static final Map<String, Reporter> BY_NAME = load();

    private static Map<String, Reporter> load() {
      Map<String, Reporter> map = new LinkedHashMap<>();
      for (Reporter r : ServiceLoader.load(Reporter.class, Reporters.class.getClassLoader())) {
        if (!BUILT_IN.contains(r.name())) {
          map.putIfAbsent(r.name(), r);
        }
      }
      return map;
    }
  }

  /** The reporter of a format, or null when there is none of that name. */
  public static Reporter get(String name) {
    Reporter builtIn = builtIn(name);
    return builtIn != null ? builtIn : Registered.BY_NAME.get(name);
  }

  /**
   * The reporter of a format, or a usage error that lists the known formats.
   *
   * @param where how the name was given, for the message: {@code ""}, or {@code " in formats"}
   */
  public static Reporter require(String name, String where) {
    Reporter reporter = get(name);
    if (reporter == null) {
      throw new UsageException(
          "unknown format '"
              + name
              + "'"
              + where
              + " (expected one of "
              + String.join(", ", names())
              + ")");
    }
    return reporter;
  }

  public static List<String> names() {
    List<String> names = new ArrayList<>(BUILT_IN);
    names.addAll(Registered.BY_NAME.keySet());
    return List.copyOf(names);
  }

  private static Reporter builtIn(String name) {
    return switch (name) {
      case "text" -> new TextReporter();
      case "json" -> new JsonReporter();
      case "sarif" -> new SarifReporter();
      case "junit" -> new JunitReporter();
      case "github" -> new GithubReporter();
      case "gitlab" -> new GitlabReporter();
      case "checkstyle" -> new CheckstyleReporter();
      default -> null;
    };
  }
}
