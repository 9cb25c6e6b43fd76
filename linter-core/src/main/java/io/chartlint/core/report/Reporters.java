package io.chartlint.core.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The reporters by name: the built-in ones and any registered through {@code ServiceLoader}. */
public final class Reporters {
  private static final Map<String, Reporter> BY_NAME = load();

  private Reporters() {}

  private static Map<String, Reporter> load() {
    Map<String, Reporter> map = new LinkedHashMap<>();
    for (Reporter r :
        List.of(
            new TextReporter(),
            new JsonReporter(),
            new SarifReporter(),
            new JunitReporter(),
            new GithubReporter(),
            new GitlabReporter(),
            new CheckstyleReporter())) {
      map.put(r.name(), r);
    }
    for (Reporter r : ServiceLoader.load(Reporter.class, Reporters.class.getClassLoader())) {
      map.putIfAbsent(r.name(), r);
    }
    return map;
  }

  /** The reporter of a format, or null when there is none of that name. */
  public static Reporter get(String name) {
    return BY_NAME.get(name);
  }

  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }
}
