import io.chartlint.core.engine.LintRequest;
import io.chartlint.core.engine.LintResult;
import io.chartlint.core.engine.Linter;
import io.chartlint.core.policy.PolicyLoader;
import io.chartlint.core.rule.RuleSet;
import java.nio.file.Path;
import java.util.List;

/**
 * Lints a directory of manifests with and without the policies of another, in one JVM: the first
 * round pays for loading and compiling, the later ones show the steady state.
 */
public class PolicyBench {
  public static void main(String[] args) {
    Path manifests = Path.of(args[0]).toAbsolutePath();
    Path policies = Path.of(args[1]).toAbsolutePath();
    int rounds = Integer.parseInt(args[2]);
    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      RuleSet builtIn = RuleSet.discover();
      RuleSet rules = PolicyLoader.withPolicies(builtIn, List.of(policies), manifests);
      long t1 = System.nanoTime();
      LintResult with =
          new Linter(rules).lint(LintRequest.of(List.of("."), manifests).withThreads(1));
      long t2 = System.nanoTime();
      LintResult without =
          new Linter(builtIn).lint(LintRequest.of(List.of("."), manifests).withThreads(1));
      long t3 = System.nanoTime();
      long policyFindings =
          with.findings().stream().filter(f -> f.ruleId().startsWith("bench-")).count();
      System.out.printf(
          "round %d: load+compile %d policies %.1f ms; lint %d objects with them %.1f ms,"
              + " without %.1f ms (policies add %.1f ms, %d policy findings)%n",
          round,
          rules.all().size() - builtIn.all().size(),
          (t1 - t0) / 1e6,
          with.objects(),
          (t2 - t1) / 1e6,
          (t3 - t2) / 1e6,
          ((t2 - t1) - (t3 - t2)) / 1e6,
          policyFindings);
    }
  }
}
