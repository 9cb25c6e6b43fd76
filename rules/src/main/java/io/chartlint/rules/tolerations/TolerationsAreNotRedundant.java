package io.chartlint.rules.tolerations;

import static io.chartlint.core.Severity.INFO;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Edit;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.nodes.Node;

@RuleInfo(
    id = "toleration-duplicate",
    summary = "A toleration identical to, or covered by, another in the same pod",
    severity = INFO,
    since = "0.1.0",
    category = "tolerations")
public final class TolerationsAreNotRedundant implements Rule {
  private static final List<String> EFFECTS =
      List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  /** Two keys no toleration can both name: a toleration that tolerates both has an empty key. */
  private static final List<String> ANY_KEY =
      List.of("probe-a.chartlint.invalid/any", "probe-b.chartlint.invalid/any");

  /** Values no Equal toleration and no Lt or Gt toleration tolerates together. */
  private static final List<String> ANY_VALUE = List.of("", "any-value");

  @Override
  public void check(KubeObject object, RuleContext context) {
    PodTemplate template = object.podTemplate().orElse(null);
    if (template == null) {
      return;
    }
    // the pod spec's own list; tolerations from the legacy annotation are one JSON string
    List<Node> written = YamlNodes.items(template.field("tolerations"));
    List<WrittenToleration> tolerations =
        TolerationValidation.accepted(PodTolerations.ofSpec(template));
    for (WrittenToleration redundant : tolerations) {
      for (WrittenToleration other : tolerations) {
        if (other == redundant) {
          continue;
        }
        boolean identical = identical(other, redundant);
        boolean covered = covers(other, redundant);
        if (!covered) {
          continue;
        }
        boolean mutual = identical || covers(redundant, other);
        if (mutual && other.index() > redundant.index()) {
          continue; // of two equivalent tolerations, the later one is reported
        }
        if (!identical && !keepsEviction(other, redundant)) {
          continue;
        }
        context.report(
            redundant.node(),
            "toleration "
                + redundant.index()
                + " "
                + redundant.describe()
                + (identical ? " is identical to" : mutual ? " is equivalent to" : " is covered by")
                + " toleration "
                + other.index()
                + " "
                + other.describe(),
            "Remove toleration " + redundant.index() + ": it lets the pods onto no further node.",
            written.contains(redundant.node()) ? Edit.removeItem(redundant.node()) : null);
        break;
      }
    }
  }

  private static boolean identical(WrittenToleration a, WrittenToleration b) {
    return a.key().equals(b.key())
        && operator(a).equals(operator(b))
        && a.value().equals(b.value())
        && a.effect().equals(b.effect())
        && a.secondsSet() == b.secondsSet()
        && Objects.equals(a.seconds(), b.seconds());
  }

  /** An empty operator is Equal (ToleratesTaint in core/v1 toleration.go). */
  private static String operator(WrittenToleration t) {
    return t.operator().isEmpty() ? "Equal" : t.operator();
  }

  /**
   * Whether removing the covered toleration leaves eviction unchanged. For each NoExecute taint the
   * taint eviction controller uses the first toleration that tolerates it, and its
   * tolerationSeconds (getMatchingTolerations, pkg/controller/tainteviction/taint_eviction.go).
   */
  private static boolean keepsEviction(WrittenToleration cover, WrittenToleration covered) {
    boolean noExecute = covered.effect().isEmpty() || covered.effect().equals("NoExecute");
    return !noExecute
        || cover.index() < covered.index()
        || (cover.secondsSet() == covered.secondsSet()
            && Objects.equals(cover.seconds(), covered.seconds()));
  }

  /**
   * Whether {@code a} tolerates every taint that {@code b} tolerates. Each probe is a taint that
   * stands for all taints {@code b} tolerates with that key, value and effect shape: {@code a}
   * tolerates them all exactly when it tolerates every probe.
   */
  private static boolean covers(WrittenToleration a, WrittenToleration b) {
    List<String> keys = b.key().isEmpty() ? ANY_KEY : List.of(b.key());
    List<String> values = values(b);
    if (values.isEmpty()) {
      return false;
    }
    List<String> effects = b.effect().isEmpty() ? EFFECTS : List.of(b.effect());
    for (String key : keys) {
      for (String value : values) {
        for (String effect : effects) {
          if (!Matching.tolerates(a, key, value, effect)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * Values that stand for the taint values {@code b} tolerates: for Lt and Gt, the bound's nearest
   * value and the far end of the 64-bit range, since an interval contains both only if it contains
   * everything between; empty when {@code b} tolerates no value at all.
   */
  private static List<String> values(WrittenToleration b) {
    switch (operator(b)) {
      case "Exists":
        return ANY_VALUE;
      case "Lt":
        long below = Long.parseLong(b.value());
        return below == Long.MIN_VALUE
            ? List.of()
            : List.of(Long.toString(below - 1), Long.toString(Long.MIN_VALUE));
      case "Gt":
        long above = Long.parseLong(b.value());
        return above == Long.MAX_VALUE
            ? List.of()
            : List.of(Long.toString(above + 1), Long.toString(Long.MAX_VALUE));
      default:
        return List.of(b.value());
    }
  }
}
