package io.chartlint.core.fix;

import io.chartlint.core.engine.FailOn;
import io.chartlint.core.engine.Inputs;
import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.load.DocumentParser;
import io.chartlint.core.load.InputSource;
import io.chartlint.core.load.RawDocument;
import io.chartlint.core.load.SourceDocument;
import io.chartlint.core.load.SourceDocuments;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.Manifests;
import io.chartlint.core.model.PodTemplatePaths;
import io.chartlint.core.model.ResourceRef;
import io.chartlint.core.rule.Finding;
import io.chartlint.core.rule.RuleSet;
import io.chartlint.core.text.Lines;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies the exact edits of the findings in manifest files to their text, and proves each: the
 * edited text is parsed and linted again, and an edit is kept only when its finding is gone and no
 * finding appeared. Findings in charts are not edited here: a chart is fixed through its values.
 */
public final class ManifestFixer {
  private final RuleSet rules;

  public ManifestFixer(RuleSet rules) {
    this.rules = rules;
  }

  /** A file whose text the proven edits change. */
  public record FileChange(Path path, String displayName, String before, String after) {}

  /** A finding whose edit was not applied, and why. */
  public record Withheld(Finding finding, String reason) {}

  /**
   * What fixing did.
   *
   * @param files the files that change, with their text before and after
   * @param fixed the findings the changes fix, proven gone
   * @param withheld findings that have an edit that was not applied
   */
  public record Outcome(List<FileChange> files, List<Finding> fixed, List<Withheld> withheld) {

    /**
     * The findings left once the changes are written: the proof showed that the fixed ones are gone
     * and nothing new appears. A withheld finding's fix says why its edit was not applied.
     */
    public List<Finding> remaining(List<Finding> findings) {
      List<Finding> left = new ArrayList<>();
      Map<Finding, String> reasons = new HashMap<>();
      withheld.forEach(w -> reasons.put(w.finding(), w.reason()));
      for (Finding f : findings) {
        if (fixed.contains(f)) {
          continue;
        }
        String reason = reasons.get(f);
        left.add(
            reason == null
                ? f
                : f.withFix(
                    f.fix() + "\n(chartlint fix did not apply its edit: " + reason + ")", null));
      }
      return left;
    }
  }

  /** Finds, applies and proves the edits of a lint result's findings in manifest files. */
  public Outcome fix(LintRequest request, LintResult result) {
    Map<String, Path> manifests = new LinkedHashMap<>();
    for (Inputs.Input input :
        Inputs.resolve(request.inputs(), request.workingDirectory()).inputs()) {
      if (input instanceof Inputs.ManifestFile file) {
        manifests.put(file.displayName(), file.path());
      }
    }
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    List<Withheld> withheld = new ArrayList<>();
    for (Finding f : result.findings()) {
      if (f.edit() == null) {
        continue;
      }
      Path path = manifests.get(f.location().file());
      if (f.location().rendered() != null || path == null) {
        continue; // a chart's finding: fixed through values
      }
      if (path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
        withheld.add(new Withheld(f, "JSON files are not edited"));
        continue;
      }
      byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);
    }
    List<FileChange> files = new ArrayList<>();
    List<Finding> fixed = new ArrayList<>();
    for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
      Path path = manifests.get(entry.getKey());
      FileOutcome outcome = fixFile(request, path, entry.getKey(), entry.getValue());
      if (outcome.change != null) {
        files.add(outcome.change);
      }
      fixed.addAll(outcome.fixed);
      withheld.addAll(outcome.withheld);
    }
    return new Outcome(files, fixed, withheld);
  }

  private record FileOutcome(FileChange change, List<Finding> fixed, List<Withheld> withheld) {}

  /** A finding with the text changes its edit makes. */
  private record Planned(Finding finding, List<YamlTextEditor.TextChange> changes) {}

  private FileOutcome fixFile(
      LintRequest request, Path path, String display, List<Finding> findings) {
    List<Withheld> withheld = new ArrayList<>();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      findings.forEach(f -> withheld.add(new Withheld(f, "cannot read the file: " + e)));
      return new FileOutcome(null, List.of(), withheld);
    }
    List<Located> objects;
    try {
      objects = objects(request, path, display, text);
    } catch (IOException e) {
      findings.forEach(f -> withheld.add(new Withheld(f, "cannot read the file: " + e)));
      return new FileOutcome(null, List.of(), withheld);
    }
    List<Planned> planned = new ArrayList<>();
    for (Finding f : findings) {
      Located at = find(objects, f);
      if (at == null) {
        withheld.add(new Withheld(f, "cannot find " + f.resource().display() + " in the file"));
        continue;
      }
      try {
        planned.add(new Planned(f, at.editor.changes(at.object.root(), f.edit())));
      } catch (YamlTextEditor.Refused e) {
        withheld.add(new Withheld(f, e.getMessage()));
      }
    }
    if (planned.isEmpty()) {
      return new FileOutcome(null, List.of(), withheld);
    }
    Proof proof = new Proof(request, text);
    List<Planned> kept = planned;
    String after = proof.attempt(kept);
    if (after == null) {
      // Together they fail: keep those that pass alone, and try those together once more.
      kept = new ArrayList<>();
      for (Planned p : planned) {
        if (proof.attempt(List.of(p)) != null) {
          kept.add(p);
        } else {
          withheld.add(new Withheld(p.finding, proof.lastFailure));
        }
      }
      after = kept.isEmpty() ? null : proof.attempt(kept);
      if (after == null) {
        for (Planned p : kept) {
          withheld.add(
              new Withheld(
                  p.finding,
                  "its edit works alone but not together with the other edits of the file ("
                      + proof.lastFailure
                      + ")"));
        }
        return new FileOutcome(null, List.of(), withheld);
      }
    }
    return new FileOutcome(
        new FileChange(path, display, text, after),
        kept.stream().map(Planned::finding).toList(),
        withheld);
  }

  /** An object of the file with the editor of its document. */
  private record Located(KubeObject object, YamlTextEditor editor, int firstLine, int lastLine) {}

  private List<Located> objects(LintRequest request, Path path, String display, String text)
      throws IOException {
    int[] lineStarts = Lines.starts(text);
    PodTemplatePaths paths = new PodTemplatePaths(request.config().podTemplatePaths());
    List<Located> list = new ArrayList<>();
    try (SourceDocuments stream =
        new SourceDocuments(
            InputSource.file(display, path), new StringReader(text), request.limits())) {
      SourceDocuments.Next next;
      while ((next = stream.next()) != null) {
        RawDocument raw = next.raw();
        DocumentParser.Parsed parsed = next.parsed();
        if (parsed.root() == null) {
          continue;
        }
        SourceDocument doc = next.document();
        YamlTextEditor editor =
            new YamlTextEditor(text, lineStarts, raw.firstLine(), parsed.root());
        for (KubeObject object : Manifests.extract(doc, paths).objects()) {
          list.add(
              new Located(
                  object,
                  editor,
                  doc.line(object.root()),
                  raw.firstLine() + object.root().getEndMark().getLine()));
        }
      }
    }
    return list;
  }

  /** The object a finding is about: its resource, the one whose lines hold the finding's line. */
  private static Located find(List<Located> objects, Finding f) {
    Located first = null;
    for (Located at : objects) {
      if (!Objects.equals(at.object.ref(), f.resource())) {
        continue;
      }
      int line = f.location().line();
      if (line >= at.firstLine && line <= at.lastLine) {
        return at;
      }
      if (first == null) {
        first = at;
      }
    }
    return first;
  }

  /** Applies text changes from the end backwards; null when two of them overlap. */
  static String apply(String text, List<YamlTextEditor.TextChange> changes) {
    List<YamlTextEditor.TextChange> sorted = new ArrayList<>(changes);
    sorted.sort(
        Comparator.comparingInt(YamlTextEditor.TextChange::start)
            .thenComparingInt(YamlTextEditor.TextChange::end));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).start() < sorted.get(i - 1).end()) {
        return null;
      }
    }
    StringBuilder s = new StringBuilder(text);
    for (int i = sorted.size() - 1; i >= 0; i--) {
      YamlTextEditor.TextChange c = sorted.get(i);
      s.replace(c.start(), c.end(), c.text());
    }
    return s.toString();
  }

  /** Lints a file's text before and after edits, and judges the edits. */
  private final class Proof {
    private final LintRequest request;
    private final String original;
    private Map<Key, Integer> before;
    String lastFailure = "";

    Proof(LintRequest request, String original) {
      this.request = request;
      this.original = original;
    }

    /** The edited text when the edits fix their findings and add none, else null. */
    String attempt(List<Planned> planned) {
      List<YamlTextEditor.TextChange> changes = new ArrayList<>();
      for (Planned p : planned) {
        for (YamlTextEditor.TextChange c : p.changes) {
          // two findings with the same edit (two rules on one unquoted value) share its changes
          if (!changes.contains(c)) {
            changes.add(c);
          }
        }
      }
      String edited = apply(original, changes);
      if (edited == null) {
        lastFailure = "its edit overlaps another edit of the same text";
        return null;
      }
      if (before == null) {
        before = counts(lint(original));
      }
      Map<Key, Integer> after = counts(lint(edited));
      Map<Key, Integer> expected = new HashMap<>(before);
      for (Planned p : planned) {
        expected.merge(Key.of(p.finding), -1, Integer::sum);
      }
      for (Map.Entry<Key, Integer> e : after.entrySet()) {
        int allowed = expected.getOrDefault(e.getKey(), 0);
        if (e.getValue() > allowed) {
          boolean known = before.containsKey(e.getKey());
          lastFailure =
              known && e.getValue() >= before.get(e.getKey())
                  ? "linting the edited text still reports "
                      + e.getKey().ruleId
                      + (e.getKey().resource == null ? "" : " on " + e.getKey().resource.display())
                  : "linting the edited text reports a new "
                      + e.getKey().ruleId
                      + " finding"
                      + (e.getKey().resource == null ? "" : " on " + e.getKey().resource.display());
          return null;
        }
      }
      return edited;
    }

    private List<Finding> lint(String text) {
      LintRequest one =
          LintRequest.of(List.of("-"), request.workingDirectory())
              .withConfig(request.config())
              .withLimits(request.limits())
              .withFailOn(FailOn.NEVER)
              .withThreads(1)
              .withStdin(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      return new Linter(rules).lint(one).findings();
    }
  }

  /** What the proof counts findings by: positions and indices move when text changes. */
  private record Key(String ruleId, ResourceRef resource) {
    static Key of(Finding f) {
      return new Key(f.ruleId(), f.resource());
    }
  }

  private static Map<Key, Integer> counts(List<Finding> findings) {
    Map<Key, Integer> counts = new HashMap<>();
    for (Finding f : findings) {
      counts.merge(Key.of(f), 1, Integer::sum);
    }
    return counts;
  }
}
