package io.chartlint.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's {@code action.yml}, run step by step as a GitHub runner would run the composite
 * action: its {@code run:} scripts in bash, with the runner's {@code GITHUB_*} files and variables,
 * a temporary workspace, and the archive this build made published as a release in a local
 * directory. Steps that {@code uses:} another action are not run; the test checks whether they
 * would be, and with what.
 */
class ActionTest {
  @TempDir Path tmp;
  private Path workspace;
  private Path releases;
  private final ObjectMapper json = new ObjectMapper();

  /** What a run of the action did. */
  record Run(
      List<String> ran,
      Map<String, Map<String, String>> outputs,
      String stdout,
      String stderr,
      int failedWith,
      Map<String, Map<String, String>> usesWith) {}

  @BeforeEach
  void releaseAndWorkspace() throws IOException {
    String version = Installed.version();
    releases = Files.createDirectories(tmp.resolve("releases/v" + version));
    Path archive = releases.resolve("chartlint-" + version + ".tar.gz");
    Files.copy(Installed.archive("tar.gz"), archive);
    Files.writeString(
        releases.resolve("checksums_sha256.txt"),
        sha256(Installed.archive("zip"))
            + "  chartlint-"
            + version
            + ".zip\n"
            + sha256(archive)
            + "  chartlint-"
            + version
            + ".tar.gz\n");
    workspace = Files.createDirectories(tmp.resolve("workspace"));
    Files.createDirectories(workspace.resolve("deploy"));
    Files.copy(
        Installed.root().resolve("testdata/src/main/resources/examples/node-agent.yaml"),
        workspace.resolve("deploy/agent.yaml"));
  }

  private Map<String, String> inputs(String... pairs) {
    Map<String, String> inputs = new HashMap<>();
    inputs.put("version", Installed.version());
    inputs.put("release-url", tmp.resolve("releases").toUri().toString().replaceAll("/$", ""));
    inputs.put("paths", "deploy");
    for (int i = 0; i < pairs.length; i += 2) {
      inputs.put(pairs[i], pairs[i + 1]);
    }
    return inputs;
  }

  @Test
  void installsTheReleaseChecksumVerifiedAnnotatesAndUploadsSarif() throws IOException {
    Run run = run(inputs("sarif", "true"), Map.of("event_name", "push"), "main");

    assertThat(run.ran())
        .containsExactly(
            "version",
            "Cache the chartlint release",
            "install",
            "lint",
            "Upload to code scanning",
            "Result");
    assertThat(run.stdout())
        .contains("::error file=deploy/agent.yaml,line=")
        .contains("chartlint: findings reach --fail-on");
    assertThat(run.failedWith()).isEqualTo(1);
    assertThat(run.outputs().get("lint")).containsEntry("exit-code", "1");
    Path sarif = Path.of(run.usesWith().get("Upload to code scanning").get("sarif_file"));
    assertThat(json.readTree(sarif.toFile()).path("version").asText()).isEqualTo("2.1.0");
    assertThat(run.usesWith().get("Upload to code scanning"))
        .containsEntry("category", "chartlint");
    // The release is cached by actions/cache under the tool cache, where the install step finds
    // it on the next run instead of downloading it.
    assertThat(run.usesWith().get("Cache the chartlint release"))
        .containsEntry("path", tmp.resolve("toolcache/chartlint/" + Installed.version()).toString())
        .containsEntry("key", "chartlint-" + Installed.version() + "-Linux");
    Run again = run(inputs(), Map.of("event_name", "push"), "main");
    assertThat(again.stdout()).contains("is cached in").doesNotContain("Downloading");
    assertThat(tmp.resolve("toolcache/chartlint/" + Installed.version() + "/bin/chartlint"))
        .isExecutable();
  }

  @Test
  void aForkPullRequestGetsTheAnnotationsAndANoticeInsteadOfTheUpload() throws IOException {
    Map<String, Object> event =
        Map.of(
            "event_name",
            "pull_request",
            "event",
            Map.of("pull_request", Map.of("head", Map.of("repo", Map.of("fork", true)))));
    Run run = run(inputs("sarif", "true"), event, "main");

    assertThat(run.ran())
        .containsExactly(
            "version",
            "Cache the chartlint release",
            "install",
            "lint",
            "Fork pull request",
            "Result");
    assertThat(run.stdout())
        .contains("::notice title=chartlint::code scanning upload skipped")
        .contains("::error file=deploy/agent.yaml");
  }

  @Test
  void aCleanRunPassesAndArgsReachTheCommand() throws IOException {
    Run run =
        run(inputs("args", "--fail-on never", "paths", "deploy"), Map.of("event_name", "push"), "");

    assertThat(run.ran())
        .containsExactly("version", "Cache the chartlint release", "install", "lint", "Result");
    assertThat(run.failedWith()).isZero();
    assertThat(run.outputs().get("lint")).containsEntry("exit-code", "0");
  }

  @Test
  void anArchiveThatDoesNotMatchItsChecksumIsNotInstalled() throws IOException {
    Path checksums = releases.resolve("checksums_sha256.txt");
    Files.writeString(
        checksums,
        Files.readString(checksums)
            .replaceAll("(?m)^[0-9a-f]{64}(?=  chartlint-.*\\.tar\\.gz$)", "0".repeat(64)));
    Run run = run(inputs(), Map.of("event_name", "push"), "");

    assertThat(run.ran()).containsExactly("version", "Cache the chartlint release", "install");
    assertThat(run.failedWith()).isEqualTo(2);
    assertThat(run.stdout()).contains("does not match its published SHA-256 checksum");
    assertThat(tmp.resolve("toolcache/chartlint/" + Installed.version() + "/bin")).doesNotExist();
  }

  @Test
  void withoutAVersionTheActionsOwnReleaseTagIsInstalledAndABranchIsRefused() throws IOException {
    Run tagged =
        run(inputs("version", ""), Map.of("event_name", "push"), "v" + Installed.version());
    assertThat(tagged.ran())
        .containsExactly("version", "Cache the chartlint release", "install", "lint", "Result");
    assertThat(tagged.failedWith()).isEqualTo(1);

    Run branch = run(inputs("version", ""), Map.of("event_name", "push"), "main");
    assertThat(branch.failedWith()).isEqualTo(2);
    assertThat(branch.stdout())
        .contains("::error title=chartlint::this action is pinned to 'main', not a release tag");
  }

  @Test
  void inputsAreDataNotShellCode() throws IOException {
    Run run =
        run(
            inputs(
                "paths",
                "deploy $(touch pwned-paths) `touch pwned-tick` *",
                "args",
                "--fail-on never;touch pwned-args"),
            Map.of("event_name", "push"),
            "");
    assertThat(workspace.resolve("pwned-paths")).doesNotExist();
    assertThat(workspace.resolve("pwned-tick")).doesNotExist();
    assertThat(workspace.resolve("pwned-args")).doesNotExist();
    // chartlint got them as arguments and said what it thought of them.
    assertThat(run.outputs().get("lint")).containsEntry("exit-code", "2");
  }

  @Test
  void scriptsNeverInterpolateExpressionsThemselves() throws IOException {
    // ${{ }} inside a script is pasted into the shell source before bash reads it: a path or an
    // argument could then run commands. Every value reaches the scripts through env instead.
    for (Map<String, Object> step : steps()) {
      if (step.get("run") != null) {
        assertThat((String) step.get("run"))
            .as(String.valueOf(step.get("name")))
            .doesNotContain("${{");
      }
    }
  }

  // --- the simulated runner -------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> steps() throws IOException {
    try (InputStream in = Files.newInputStream(Installed.root().resolve("action.yml"))) {
      Map<String, Object> action = new Yaml().load(in);
      return (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps");
    }
  }

  @SuppressWarnings("unchecked")
  private Run run(Map<String, String> given, Map<String, Object> github, String actionRef)
      throws IOException {
    Map<String, Object> action;
    try (InputStream in = Files.newInputStream(Installed.root().resolve("action.yml"))) {
      action = new Yaml().load(in);
    }
    assertThat(((Map<String, Object>) action.get("runs")).get("using")).isEqualTo("composite");
    Map<String, String> inputs = new HashMap<>();
    ((Map<String, Map<String, Object>>) action.get("inputs"))
        .forEach(
            (name, spec) -> inputs.put(name, String.valueOf(spec.getOrDefault("default", ""))));
    inputs.putAll(given);

    Map<String, Object> context = new HashMap<>();
    context.put("inputs", inputs);
    Map<String, Object> gh = new HashMap<>(github);
    gh.put("action_ref", actionRef);
    gh.put("action_path", Installed.root().toString());
    context.put("github", gh);
    Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
    Map<String, Object> steps = new HashMap<>();
    context.put("steps", steps);
    Map<String, Object> runner = new HashMap<>();
    runner.put("os", "Linux");
    runner.put("temp", tmp.resolve("runner-temp").toString());
    runner.put("tool_cache", tmp.resolve("toolcache").toString());
    context.put("runner", runner);

    Path runnerTemp = Files.createDirectories(tmp.resolve("runner-temp"));
    Path toolCache = Files.createDirectories(tmp.resolve("toolcache"));
    Path githubPath = tmp.resolve("github_path");
    Files.writeString(githubPath, "");
    List<String> ran = new ArrayList<>();
    Map<String, Map<String, String>> usesWith = new LinkedHashMap<>();
    StringBuilder stdout = new StringBuilder();
    StringBuilder stderr = new StringBuilder();
    int failed = 0;
    int index = 0;
    for (Map<String, Object> step :
        (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps")) {
      String id = step.get("id") != null ? (String) step.get("id") : "step" + index++;
      String name = step.get("id") != null ? id : (String) step.get("name");
      Object condition = step.get("if");
      if (condition != null
          && !Expressions.truthy(Expressions.evaluate((String) condition, context))) {
        continue;
      }
      ran.add(name);
      if (step.get("uses") != null) {
        Map<String, String> with = new LinkedHashMap<>();
        ((Map<String, Object>) step.getOrDefault("with", Map.of()))
            .forEach((k, v) -> with.put(k, Expressions.substitute(String.valueOf(v), context)));
        usesWith.put(name, with);
        continue;
      }
      assertThat(step.get("shell")).as(name).isEqualTo("bash");
      Path outputFile = tmp.resolve("output-" + id);
      Files.writeString(outputFile, "");
      Path script = tmp.resolve("script-" + id + ".sh");
      Files.writeString(script, Expressions.substitute((String) step.get("run"), context));
      Map<String, String> env = new HashMap<>();
      ((Map<String, Object>) step.getOrDefault("env", Map.of()))
          .forEach((k, v) -> env.put(k, Expressions.substitute(String.valueOf(v), context)));
      env.put("GITHUB_OUTPUT", outputFile.toString());
      env.put("GITHUB_PATH", githubPath.toString());
      env.put("GITHUB_ENV", tmp.resolve("github_env").toString());
      env.put("GITHUB_STEP_SUMMARY", tmp.resolve("summary.md").toString());
      env.put("GITHUB_WORKSPACE", workspace.toString());
      env.put("GITHUB_ACTIONS", "true");
      env.put("CI", "true");
      env.put("GITHUB_EVENT_NAME", String.valueOf(gh.get("event_name")));
      env.put("RUNNER_TEMP", runnerTemp.toString());
      env.put("RUNNER_TOOL_CACHE", toolCache.toString());
      env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
      List<String> added = Files.readAllLines(githubPath);
      List<String> path = new ArrayList<>(added);
      Collections.reverse(path); // the runner puts the latest addition first
      path.add(System.getenv("PATH"));
      env.put("PATH", String.join(":", path));
      // How the runner runs a composite step's bash.
      Installed.Result r =
          Installed.run(
              workspace,
              env,
              null,
              List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString()));
      stdout.append(r.stdout());
      stderr.append(r.stderr());
      Map<String, String> out = new LinkedHashMap<>();
      for (String line : Files.readAllLines(outputFile, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          out.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      outputs.put(id, out);
      steps.put(id, Map.of("outputs", out));
      if (r.code() != 0) {
        failed = r.code();
        break; // later steps without always()/failure() do not run
      }
    }
    return new Run(ran, outputs, stdout.toString(), stderr.toString(), failed, usesWith);
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The part of GitHub's expression language that action.yml uses: context lookups ({@code
   * inputs.sarif}, {@code steps.lint.outputs.exit-code}, {@code
   * github.event.pull_request.head.repo.fork}), string literals, {@code ==}, {@code !=}, {@code !}
   * and {@code &&}. Anything else fails the test, so the action cannot outgrow what is tested.
   */
  static final class Expressions {
    private static final Pattern EMBEDDED = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");

    static String substitute(String text, Map<String, Object> context) {
      Matcher m = EMBEDDED.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        Object value = evaluate(m.group(1), context);
        m.appendReplacement(
            out, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
      }
      m.appendTail(out);
      return out.toString();
    }

    static Object evaluate(String expression, Map<String, Object> context) {
      String e = expression.trim();
      if (e.startsWith("${{") && e.endsWith("}}")) {
        e = e.substring(3, e.length() - 2).trim();
      }
      if (e.contains("||") || e.contains("(")) {
        throw new AssertionError("expression not supported by the test: " + e);
      }
      if (e.contains("&&")) {
        for (String part : e.split("&&")) {
          if (!truthy(evaluate(part, context))) {
            return false;
          }
        }
        return true;
      }
      if (e.contains("!=")) {
        String[] sides = e.split("!=", 2);
        return !String.valueOf(value(sides[0], context))
            .equals(String.valueOf(value(sides[1], context)));
      }
      if (e.contains("==")) {
        String[] sides = e.split("==", 2);
        return String.valueOf(value(sides[0], context))
            .equals(String.valueOf(value(sides[1], context)));
      }
      if (e.startsWith("!")) {
        return !truthy(evaluate(e.substring(1), context));
      }
      return value(e, context);
    }

    @SuppressWarnings("unchecked")
    private static Object value(String operand, Map<String, Object> context) {
      String s = operand.trim();
      if (s.startsWith("'") && s.endsWith("'")) {
        return s.substring(1, s.length() - 1);
      }
      if (!s.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
        throw new AssertionError("expression not supported by the test: " + s);
      }
      Object current = context;
      for (String key : s.split("\\.")) {
        if (!(current instanceof Map)) {
          return "";
        }
        current = ((Map<String, Object>) current).get(key);
        if (current == null) {
          return "";
        }
      }
      return current;
    }

    static boolean truthy(Object value) {
      return value != null
          && !(value instanceof Boolean b && !b)
          && !String.valueOf(value).isEmpty()
          && !String.valueOf(value).equals("false")
          && !String.valueOf(value).equals("0");
    }
  }
}
