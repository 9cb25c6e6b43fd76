package io.chartlint.testdata;

import io.chartlint.core.engine.LintResult;
import io.chartlint.core.rule.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule fixtures under {@code testdata/src/main/resources/rules/<rule-id>/} and their inline
 * expectations.
 *
 * <p>A fixture marks each finding it expects on the offending line with a comment {@code # expect:
 * rule-id "part of the message"} (the quoted part is optional; several markers are separated by
 * {@code ;}). A marker alone on its line applies to the line below it. {@link #mismatches} checks
 * both ways: a finding without a marker and a marker without a finding are both failures.
 */
public final class Fixtures {
  private static final Pattern MARKER = Pattern.compile("#\\s*expect:\\s*(.+)$");
  private static final Pattern ONE =
      Pattern.compile("\\s*([a-z0-9-]+)(?:\\s+\"((?:[^\"\\\\]|\\\\.)*)\")?\\s*(?:;|$)");

  private Fixtures() {}

  /** The testdata module's resource directory, found from the repository root. */
  public static Path resources() {
    String root = System.getProperty("chartlint.root");
    Path base = root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    Path dir = base.resolve("testdata/src/main/resources");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("cannot find testdata resources at " + dir);
    }
    return dir;
  }

  /**
   * Copies the "real repository" fixture (a chart and raw manifests among docker-compose, npm,
   * Spring and workflow files, with {@code target/} and {@code node_modules/} ignored by its {@code
   * .gitignore}) into a directory. Stored names that git would ignore or apply in this repository
   * are given their real ones: {@code dot-github} becomes {@code .github}, {@code dot-target}
   * {@code target}, {@code gitignore} {@code .gitignore}.
   */
  public static Path realRepository(Path into) throws java.io.IOException {
    Path source = resources().resolve("real-repository");
    try (java.util.stream.Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String relative = source.relativize(file).toString().replace('\\', '/');
        if (relative.equals("README.md")) {
          continue;
        }
        relative =
            relative
                .replaceFirst("^dot-github/", ".github/")
                .replaceFirst("^dot-target/", "target/")
                .replaceFirst("^gitignore$", ".gitignore");
        Path target = into.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    return into;
  }

  /** The fixture directory of every rule that has one. */
  public static Path rulesDirectory() {
    return resources().resolve("rules");
  }

  /**
   * The fixture directory of every example policy, {@code policies/<policy-id>/}; the policies
   * themselves are in {@code policies/examples/} at the repository root.
   */
  public static Path policiesDirectory() {
    return resources().resolve("policies");
  }

  /** Every fixture file of a rule, sorted. */
  public static List<Path> all() {
    return under(rulesDirectory());
  }

  /** Every fixture file of an example policy, sorted. */
  public static List<Path> allPolicyFixtures() {
    return under(policiesDirectory());
  }

  private static List<Path> under(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rule or policy a fixture belongs to: the name of its folder. */
  public static String ruleOf(Path fixture) {
    return fixture.getParent().getFileName().toString();
  }

  private static final Pattern NODES = Pattern.compile("^#\\s*nodes:\\s*(\\S+)\\s*$");

  /**
   * The node inventory a fixture is linted against: a {@code # nodes: inventories/<file>.yaml} line
   * among its leading comments, relative to the testdata resources; null when it names none.
   */
  public static Path nodesOf(Path fixture) {
    try {
      for (String line : Files.readAllLines(fixture, StandardCharsets.UTF_8)) {
        if (!line.startsWith("#")) {
          return null;
        }
        Matcher m = NODES.matcher(line);
        if (m.matches()) {
          return resources().resolve(m.group(1));
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One expected finding. */
  public record Expectation(int line, String ruleId, String messagePart) {}

  public static List<Expectation> expectations(Path fixture) {
    List<String> lines;
    try {
      lines = Files.readAllLines(fixture, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Expectation> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      if (!m.find()) {
        continue;
      }
      boolean alone = lines.get(i).substring(0, m.start()).isBlank();
      int target = alone ? i + 2 : i + 1;
      Matcher one = ONE.matcher(m.group(1));
      int at = 0;
      while (at < m.group(1).length()) {
        if (!one.find(at) || one.start() != at) {
          throw new IllegalArgumentException(
              fixture
                  + ":"
                  + (i + 1)
                  + ": malformed expectation '"
                  + m.group(1).substring(at).strip()
                  + "'");
        }
        String message = one.group(2) == null ? null : one.group(2).replace("\\\"", "\"");
        expected.add(new Expectation(target, one.group(1), message));
        at = one.end();
      }
    }
    return expected;
  }

  /**
   * What differs between the findings of a fixture and its markers, one line per difference; empty
   * when they agree. Only the fixture's own rule and the rules its markers name are compared.
   */
  public static List<String> mismatches(Path fixture, LintResult result) {
    List<Expectation> expected = expectations(fixture);
    Set<String> checked = new LinkedHashSet<>();
    checked.add(ruleOf(fixture));
    expected.forEach(e -> checked.add(e.ruleId()));
    List<Finding> actual =
        new ArrayList<>(
            result.findings().stream().filter(f -> checked.contains(f.ruleId())).toList());
    List<String> problems = new ArrayList<>();
    List<Expectation> unmatched = new ArrayList<>();
    for (Expectation e : expected) {
      Finding hit = null;
      for (Finding f : actual) {
        if (f.location().line() == e.line()
            && f.ruleId().equals(e.ruleId())
            && (e.messagePart() == null || f.message().contains(e.messagePart()))) {
          hit = f;
          break;
        }
      }
      if (hit == null) {
        unmatched.add(e);
      } else {
        actual.remove(hit);
      }
    }
    String name = fixture.getFileName().toString();
    for (Expectation e : unmatched) {
      problems.add(
          name
              + ":"
              + e.line()
              + ": expected "
              + e.ruleId()
              + (e.messagePart() == null ? "" : " \"" + e.messagePart() + "\"")
              + " but no such finding"
              + nearby(result, e));
    }
    for (Finding f : actual) {
      problems.add(
          name
              + ":"
              + f.location().line()
              + ": unexpected "
              + f.ruleId()
              + " \""
              + f.message()
              + "\"");
    }
    return problems;
  }

  private static String nearby(LintResult result, Expectation e) {
    List<String> same = new ArrayList<>();
    for (Finding f : result.findings()) {
      if (f.ruleId().equals(e.ruleId())) {
        same.add("line " + f.location().line() + ": \"" + f.message() + "\"");
      }
    }
    return same.isEmpty() ? "" : " (" + e.ruleId() + " found at " + String.join("; ", same) + ")";
  }
}
