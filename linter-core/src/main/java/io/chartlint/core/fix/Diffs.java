package io.chartlint.core.fix;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/** Unified diffs of the files that fixing changes, as {@code git apply} and {@code patch} take. */
public final class Diffs {
  private Diffs() {}

  /**
   * The unified diff of one file, with three lines of context, headed {@code a/} and {@code b/}.
   */
  public static String unified(ManifestFixer.FileChange change) {
    List<String> before = change.before().lines().toList();
    List<String> after = change.after().lines().toList();
    Patch<String> patch = DiffUtils.diff(before, after);
    String name = change.displayName().replace('\\', '/').replaceAll("\\p{Cntrl}", "?");
    List<String> lines =
        UnifiedDiffUtils.generateUnifiedDiff("a/" + name, "b/" + name, before, patch, 3);
    return String.join("\n", lines) + "\n";
  }
}
