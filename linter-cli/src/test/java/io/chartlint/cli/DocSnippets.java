package io.chartlint.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;

/**
 * Checks the code blocks of the documentation as a user would paste them: YAML parses, XML is well
 * formed, every {@code chartlint} command line parses with the real command's options, Maven
 * commands name modules, profiles and tests that exist, and the versions, files, action inputs and
 * hook ids named exist in this build. Each problem is a line {@code FILE:LINE: what}.
 */
final class DocSnippets {
  private static final Pattern FENCE =
      Pattern.compile(
          "(?m)^([ \\t]*)```([A-Za-z]*)[ \\t]*\\n(.*?)^[ \\t]*```[ \\t]*$", Pattern.DOTALL);
  private static final Pattern SH_IN_GROOVY =
      Pattern.compile("\\bsh\\s+(?:'''(.*?)'''|'([^'\\n]*)')", Pattern.DOTALL);
  private static final Pattern VERSIONED_ARCHIVE =
      Pattern.compile("chartlint-(\\d+\\.\\d+\\.\\d+[A-Za-z0-9.-]*?)\\.(?:tar\\.gz|zip)\\b");
  private static final Pattern VERSION_VARIABLE =
      Pattern.compile("CHARTLINT_VERSION[\"']?\\s*[:=]\\s*[\"']?([0-9][^\"'\\s]*)");
  private static final Pattern REPO_PATH =
      Pattern.compile(
          "^(?:\\./)?((?:testdata|docs|policies|rules|linter-core|linter-cli|linter-maven-plugin"
              + "|distribution|bench)/[A-Za-z0-9_./-]*)$");

  private final Path root;
  private final Set<String> versions;
  private final List<String> problems = new ArrayList<>();

  DocSnippets(Path root, String version) {
    this.root = root;
    this.versions = new LinkedHashSet<>(List.of(version, version.replace("-SNAPSHOT", "")));
  }

  List<String> problems() {
    return problems;
  }

  /** README.md, CONTRIBUTING.md and docs/ (but not the rule pages, which show broken input). */
  static List<Path> documents(Path root) throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(root.resolve("README.md"));
    docs.add(root.resolve("CONTRIBUTING.md"));
    try (Stream<Path> s = Files.list(root.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  void check(Path doc) {
    String text;
    try {
      text = Files.readString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = root.relativize(doc).toString();
    if (text.contains("SPEC §") || text.contains("SPEC.md")) {
      problems.add(name + ": cites SPEC, which is not part of the repository");
    }
    checkLinks(name, doc, text);
    Matcher m = FENCE.matcher(text);
    while (m.find()) {
      int line = lineOf(text, m.start(3));
      String where = name + ":" + line;
      String body = m.group(3).replaceAll("(?m)^" + Pattern.quote(m.group(1)), "");
      switch (m.group(2)) {
        case "sh", "bash", "shell" -> checkShell(where, body);
        case "yaml", "yml" -> checkYaml(where, body);
        case "xml" -> checkXml(where, body);
        case "groovy" -> {
          Matcher sh = SH_IN_GROOVY.matcher(body);
          while (sh.find()) {
            String script = sh.group(1) != null ? sh.group(1) : sh.group(2);
            checkShell(where, script.replace("\\\\", "\\"));
          }
        }
        default -> {}
      }
      checkVersions(where, body);
    }
  }

  private void checkLinks(String name, Path doc, String text) {
    Matcher link = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)").matcher(text);
    while (link.find()) {
      String target = link.group(1);
      if (target.contains("://") || target.startsWith("mailto:")) {
        continue;
      }
      if (!Files.exists(doc.getParent().resolve(target))) {
        problems.add(
            name + ":" + lineOf(text, link.start()) + ": link to a missing file: " + target);
      }
    }
  }

  private void checkVersions(String where, String body) {
    for (Pattern p : List.of(VERSIONED_ARCHIVE, VERSION_VARIABLE)) {
      Matcher v = p.matcher(body);
      while (v.find()) {
        String version = v.group(1);
        if (!versions.contains(version) && !version.startsWith("$")) {
          problems.add(where + ": version " + version + " is not this build's (" + versions + ")");
        }
      }
    }
  }

  // --- shell -----------------------------------------------------------------------------------

  void checkShell(String where, String script) {
    String joined = script.replaceAll("\\\\\\n\\s*", " ");
    for (String line : joined.split("\\n")) {
      for (List<String> command : commands(line)) {
        checkCommand(where, command);
      }
    }
  }

  /** The simple commands of a line: split at {@code |}, {@code &&}, {@code ||}, {@code ;}. */
  static List<List<String>> commands(String line) {
    List<List<String>> commands = new ArrayList<>();
    List<String> current = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '#' && !inWord) {
        break;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          current.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (c == '|'
          || c == ';'
          || (c == '&' && i + 1 < line.length() && line.charAt(i + 1) == '&')) {
        if (inWord) {
          current.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        if (!current.isEmpty()) {
          commands.add(current);
        }
        current = new ArrayList<>();
        if (i + 1 < line.length() && (line.charAt(i + 1) == '|' || line.charAt(i + 1) == '&')) {
          i++;
        }
      } else if (c == '(' && !inWord) {
        // a subshell: its commands are checked like the others
      } else if (c == ')' && !inWord) {
        if (!current.isEmpty()) {
          commands.add(current);
        }
        current = new ArrayList<>();
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      current.add(word.toString());
    }
    if (!current.isEmpty()) {
      commands.add(current);
    }
    return commands;
  }

  private void checkCommand(String where, List<String> words) {
    List<String> command = new ArrayList<>(words);
    while (!command.isEmpty() && command.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
      command.remove(0); // VAR=value before the command
    }
    if (command.isEmpty()) {
      return;
    }
    String program = command.get(0);
    List<String> args = command.subList(1, command.size());
    String base = program.substring(program.lastIndexOf('/') + 1);
    if (base.equals("chartlint") || base.equals("chartlint.cmd")) {
      checkChartlint(where, args);
    } else if (base.equals("mvnw") || base.equals("mvn")) {
      checkMaven(where, args);
    } else if (base.equals("jbang")) {
      for (String arg : args) {
        if (arg.contains("@")) {
          String alias = arg.substring(0, arg.indexOf('@'));
          if (!read(root.resolve("jbang-catalog.json")).contains("\"" + alias + "\"")) {
            problems.add(where + ": jbang-catalog.json has no alias " + alias);
          }
        }
      }
    }
    for (String arg : args) {
      Matcher p = REPO_PATH.matcher(arg);
      if (p.matches() && !Files.exists(root.resolve(p.group(1)))) {
        problems.add(where + ": no such file in the repository: " + arg);
      }
    }
  }

  private void checkChartlint(String where, List<String> args) {
    try {
      CommandLine cli = Main.commandLine(CommandLine.defaultFactory(), null);
      cli.parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      problems.add(where + ": chartlint " + String.join(" ", args) + ": " + e.getMessage());
    }
  }

  private void checkMaven(String where, List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if ((arg.equals("-pl") || arg.equals("--projects")) && i + 1 < args.size()) {
        for (String module : args.get(i + 1).split(",")) {
          if (!Files.isRegularFile(root.resolve(module).resolve("pom.xml"))) {
            problems.add(where + ": no module " + module);
          }
        }
      } else if (arg.startsWith("-P")) {
        for (String profile : arg.substring(2).split(",")) {
          if (!profiles().contains(profile)) {
            problems.add(where + ": no profile " + profile + " in the POMs");
          }
        }
      } else if (arg.startsWith("-Dtest=")) {
        for (String test : arg.substring(7).split(",")) {
          if (!testClasses().contains(test)) {
            problems.add(where + ": no test class " + test);
          }
        }
      }
    }
  }

  private Set<String> profiles;
  private Set<String> tests;

  private Set<String> profiles() {
    if (profiles == null) {
      profiles = new LinkedHashSet<>();
      Matcher m =
          Pattern.compile("<profile>\\s*(?:<!--.*?-->\\s*)?<id>([^<]+)</id>", Pattern.DOTALL)
              .matcher(poms());
      while (m.find()) {
        profiles.add(m.group(1));
      }
    }
    return profiles;
  }

  private String poms() {
    StringBuilder all = new StringBuilder(read(root.resolve("pom.xml")));
    try (Stream<Path> s = Files.list(root)) {
      s.map(d -> d.resolve("pom.xml"))
          .filter(Files::isRegularFile)
          .forEach(p -> all.append(read(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.toString();
  }

  private Set<String> testClasses() {
    if (tests == null) {
      tests = new LinkedHashSet<>();
      try (Stream<Path> s = Files.walk(root, 8)) {
        s.filter(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith(".java"))
            .forEach(p -> tests.add(p.getFileName().toString().replace(".java", "")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tests;
  }

  // --- YAML ------------------------------------------------------------------------------------

  void checkYaml(String where, String body) {
    List<Object> documents = new ArrayList<>();
    try {
      new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(body).forEach(documents::add);
    } catch (RuntimeException e) {
      problems.add(
          where + ": YAML does not parse: " + e.getMessage().lines().findFirst().orElse(""));
      return;
    }
    for (Object document : documents) {
      walkYaml(where, document);
    }
  }

  @SuppressWarnings("unchecked")
  private void walkYaml(String where, Object node) {
    if (node instanceof List<?> list) {
      list.forEach(item -> walkYaml(where, item));
      return;
    }
    if (!(node instanceof Map<?, ?> raw)) {
      return;
    }
    Map<Object, Object> map = (Map<Object, Object>) raw; // YAML 1.1: "on:" is the key true
    Object uses = map.get("uses");
    if (uses instanceof String u) {
      if (u.startsWith("chartlint/chartlint@")) {
        String ref = u.substring(u.indexOf('@') + 1);
        if (!ref.equals("main") && !versions.contains(ref.replaceFirst("^v", ""))) {
          problems.add(where + ": the action is pinned to " + ref + ", not this build's release");
        }
        String action = read(root.resolve("action.yml"));
        if (map.get("with") instanceof Map<?, ?> with) {
          for (Object input : with.keySet()) {
            if (!Pattern.compile("(?m)^  " + Pattern.quote(input.toString()) + ":")
                .matcher(action)
                .find()) {
              problems.add(where + ": action.yml has no input " + input);
            }
          }
        }
      } else if (u.startsWith("actions/setup-java@")
          && map.get("with") instanceof Map<?, ?> with
          && with.containsKey("cache")) {
        problems.add(where + ": setup-java's cache needs a build file in the repository linted");
      }
    }
    Object repo = map.get("repo");
    if (repo instanceof String r
        && r.endsWith("/chartlint/chartlint")
        && map.get("hooks") instanceof List<?> hooks) {
      String defined = read(root.resolve(".pre-commit-hooks.yaml"));
      for (Object hook : hooks) {
        if (hook instanceof Map<?, ?> h && !defined.contains("- id: " + h.get("id") + "\n")) {
          problems.add(where + ": .pre-commit-hooks.yaml defines no hook " + h.get("id"));
        }
      }
    }
    for (String key : List.of("run", "script", "before_script", "entry")) {
      Object value = map.get(key);
      if (value instanceof String s) {
        checkShell(where, s);
      } else if (value instanceof List<?> lines) {
        lines.forEach(l -> checkShell(where, String.valueOf(l)));
      }
    }
    for (Map.Entry<Object, Object> e : map.entrySet()) {
      // pre-commit's files and exclude are regular expressions; chartlint's config has an
      // exclude list of its own
      if (("files".equals(e.getKey()) || "exclude".equals(e.getKey()))
          && e.getValue() instanceof String) {
        try {
          Pattern.compile(String.valueOf(e.getValue()));
        } catch (RuntimeException ex) {
          problems.add(where + ": " + e.getKey() + " is not a regular expression");
        }
      }
      walkYaml(where, e.getValue());
    }
  }

  // --- XML -------------------------------------------------------------------------------------

  void checkXml(String where, String body) {
    Element top;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      top =
          f.newDocumentBuilder()
              .parse(new InputSource(new StringReader(body)))
              .getDocumentElement();
    } catch (Exception e) {
      problems.add(where + ": XML is not well formed: " + e.getMessage());
      return;
    }
    if (!top.getTagName().equals("plugin")) {
      return;
    }
    if (!"chartlint-maven-plugin".equals(child(top, "artifactId"))) {
      return;
    }
    String version = child(top, "version");
    if (!versions.contains(version)) {
      problems.add(where + ": plugin version " + version + " is not this build's " + versions);
    }
    String mojo =
        read(root.resolve("linter-maven-plugin/src/main/java/io/chartlint/maven/CheckMojo.java"));
    for (Node n = top.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("configuration")) {
        for (Node p = e.getFirstChild(); p != null; p = p.getNextSibling()) {
          if (p instanceof Element param
              && !Pattern.compile("@Parameter\\([^)]*\\)\\s+\\S+\\s+" + param.getTagName() + ";")
                  .matcher(mojo)
                  .find()) {
            problems.add(where + ": the plugin has no parameter " + param.getTagName());
          }
        }
      }
    }
  }

  private static String child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        return c.getTextContent().trim();
      }
    }
    return null;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
