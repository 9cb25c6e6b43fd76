package io.chartlint.core.walk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * What a directory walk passes over: the {@code .gitignore} files it meets and the patterns a user
 * gives (config {@code ignore:}, {@code --ignore}), all in gitignore syntax and matched by JGit's
 * matcher, so a pattern means here what it means to git.
 *
 * <p>Each set of patterns applies below the directory it belongs to, and, as in git, the deepest
 * {@code .gitignore} that has an opinion about a path decides; user patterns are asked first and
 * win over any {@code .gitignore}. Not thread-safe: one per walk.
 */
public final class IgnoreRules {
  /** Patterns and the directory they are relative to. */
  public record PatternSet(Path base, List<String> patterns) {
    public PatternSet {
      base = base.toAbsolutePath().normalize();
      patterns = List.copyOf(patterns);
    }
  }

  private final List<Layer> user = new ArrayList<>();
  private final Map<Path, IgnoreNode> gitignores = new HashMap<>();
  private final boolean honourGitignore;

  private record Layer(Path base, IgnoreNode node) {}

  /**
   * Rules from user pattern sets.
   *
   * @param honourGitignore whether {@code .gitignore} files are read as directories are entered
   */
  public IgnoreRules(List<PatternSet> patternSets, boolean honourGitignore) {
    for (PatternSet set : patternSets) {
      List<FastIgnoreRule> rules = new ArrayList<>();
      for (String pattern : set.patterns()) {
        FastIgnoreRule rule = new FastIgnoreRule(pattern.strip());
        if (!rule.isEmpty()) {
          rules.add(rule);
        }
      }
      if (!rules.isEmpty()) {
        user.add(new Layer(set.base(), new IgnoreNode(rules)));
      }
    }
    this.honourGitignore = honourGitignore;
  }

  /** No rules at all. */
  public static IgnoreRules none() {
    return new IgnoreRules(List.of(), false);
  }

  /**
   * Reads the {@code .gitignore} of a directory about to be walked, and of its parents up to the
   * repository root (the nearest directory holding {@code .git}), which git applies to it as well.
   */
  public void enterRoot(Path root) {
    if (!honourGitignore) {
      return;
    }
    List<Path> chain = new ArrayList<>();
    Path dir = root.toAbsolutePath().normalize();
    boolean inRepository = false;
    for (Path d = dir; d != null; d = d.getParent()) {
      chain.add(d);
      if (Files.exists(d.resolve(".git"))) {
        inRepository = true;
        break;
      }
    }
    if (!inRepository) {
      chain = List.of(dir); // outside a repository no parent's .gitignore means anything
    }
    chain.forEach(this::enter);
  }

  /** Reads a directory's {@code .gitignore}, if any, as the walk enters it. */
  public void enter(Path directory) {
    if (!honourGitignore) {
      return;
    }
    Path dir = directory.toAbsolutePath().normalize();
    if (gitignores.containsKey(dir)) {
      return;
    }
    Path file = dir.resolve(".gitignore");
    IgnoreNode node = null;
    if (Files.isRegularFile(file)) {
      node = new IgnoreNode();
      try (InputStream in = Files.newInputStream(file)) {
        node.parse(file.toString(), in);
      } catch (IOException e) {
        node = null; // an unreadable .gitignore ignores nothing, as git treats it
      }
    }
    gitignores.put(dir, node);
  }

  /** Whether the user's patterns pass over a path, whatever the {@code .gitignore} files say. */
  public boolean ignoredByUser(Path path, boolean directory) {
    Path p = path.toAbsolutePath().normalize();
    // as in git, nothing below an ignored directory comes back: a file named on the command line
    // inside vendor/ is ignored by "vendor/" too
    List<Path> above = new ArrayList<>();
    for (Path dir = p.getParent(); dir != null; dir = dir.getParent()) {
      above.add(0, dir);
    }
    for (Path dir : above) {
      if (userVerdict(dir, true)) {
        return true;
      }
    }
    return userVerdict(p, directory);
  }

  private boolean userVerdict(Path p, boolean directory) {
    for (Layer layer : user) {
      Boolean verdict = verdict(layer.node(), layer.base(), p, directory);
      if (verdict != null) {
        return verdict;
      }
    }
    return false;
  }

  /** Whether a path met in a walk is passed over. */
  public boolean ignored(Path path, boolean directory) {
    Path p = path.toAbsolutePath().normalize();
    if (ignoredByUser(p, directory)) {
      return true;
    }
    if (!honourGitignore) {
      return false;
    }
    for (Path dir = p.getParent(); dir != null; dir = dir.getParent()) {
      IgnoreNode node = gitignores.get(dir);
      if (node != null) {
        Boolean verdict = verdict(node, dir, p, directory);
        if (verdict != null) {
          return verdict;
        }
      }
    }
    return false;
  }

  private static Boolean verdict(IgnoreNode node, Path base, Path path, boolean directory) {
    if (!path.startsWith(base) || path.equals(base)) {
      return null;
    }
    String relative = base.relativize(path).toString().replace('\\', '/');
    return node.checkIgnored(relative, directory);
  }
}
