package io.chartlint.rules.placement;

import static io.chartlint.core.Severity.ERROR;

import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.LabelSyntax;
import io.chartlint.core.model.NodeSelectorTermNode;
import io.chartlint.core.model.NodeSelectorTermNode.Requirement;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.rule.Edit;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

@RuleInfo(
    id = "node-affinity-invalid",
    summary =
        "nodeSelector or node affinity that the API server rejects, or that can match no node at"
            + " all",
    severity = ERROR,
    since = "0.1.0",
    category = "placement")
public final class NodeAffinityIsValid implements Rule {
  private static final String FIX_SYNTAX =
      "Use a label key of the form [prefix/]name (name: 1-63 alphanumerics, '-', '_', '.',"
          + " starting and ending alphanumeric) and values of the same shape.";

  @Override
  public void check(KubeObject object, RuleContext context) {
    object.podTemplate().ifPresent(pod -> check(pod, context));
  }

  private static void check(PodTemplate pod, RuleContext context) {
    String spec = pod.specPath();
    Problems problems = new Problems(context);
    validateNodeSelector(pod, spec + ".nodeSelector", problems);
    Node required = pod.requiredNodeAffinity();
    String requiredPath =
        spec + ".affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution";
    List<NodeSelectorTermNode> terms = pod.requiredTerms();
    if (terms != null) {
      validateRequired(required, terms, requiredPath, problems);
    }
    validatePreferred(
        pod,
        spec + ".affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution",
        problems);
    if (terms != null && !problems.requiredOrSelectorInvalid) {
      Unsatisfiable.reasons(pod.nodeSelector(), terms)
          .ifPresent(
              reasons ->
                  context.report(
                      YamlNodes.get(required, "nodeSelectorTerms") != null
                          ? YamlNodes.keyNode(required, "nodeSelectorTerms")
                          : required,
                      "required node affinity can match no node, so the pod can never be"
                          + " scheduled: "
                          + String.join("; ", reasons),
                      "Remove the empty or contradictory terms, or the nodeSelector entry that"
                          + " contradicts them, so that at least one term can match a node."));
    }
  }

  // pkg/apis/core/validation/validation.go ValidatePodSpec: spec.nodeSelector goes through
  // unversionedvalidation.ValidateLabels, which reports key and value at the nodeSelector path
  // itself (not at a child of it).
  private static void validateNodeSelector(PodTemplate pod, String path, Problems problems) {
    for (NodeTuple entry : YamlNodes.entries(pod.nodeSelectorNode())) {
      String type = YamlNodes.nonStringJsonType(entry.getValueNode());
      if (type != null) {
        // The decoder fails before validation runs: map[string]string takes no bool or number.
        problems.required(
            entry.getValueNode(),
            path
                + "."
                + YamlNodes.text(entry.getKeyNode())
                + ": json: cannot unmarshal "
                + type
                + " into Go struct field PodSpec.nodeSelector of type string",
            quoteFix(entry.getValueNode(), type),
            Edit.quote(entry.getValueNode(), YamlNodes.text(entry.getValueNode())));
        continue;
      }
      String key = YamlNodes.text(entry.getKeyNode());
      String value = YamlNodes.text(entry.getValueNode());
      key = key == null ? "" : key;
      value = value == null ? "" : value;
      for (String msg : LabelSyntax.qualifiedNameErrors(key)) {
        problems.required(entry.getKeyNode(), invalid(path, key, msg), FIX_SYNTAX);
      }
      for (String msg : LabelSyntax.labelValueErrors(value)) {
        problems.required(entry.getValueNode(), invalid(path, value, msg), FIX_SYNTAX);
      }
    }
  }

  // ValidateNodeSelector: "must have at least one node selector term"; an empty term {} is valid.
  private static void validateRequired(
      Node required, List<NodeSelectorTermNode> terms, String path, Problems problems) {
    if (terms.isEmpty()) {
      Node at = YamlNodes.get(required, "nodeSelectorTerms");
      problems.required(
          at != null ? at : required,
          path + ".nodeSelectorTerms: Required value: must have at least one node selector term",
          "Give at least one term, or remove requiredDuringSchedulingIgnoredDuringExecution.");
      return;
    }
    for (NodeSelectorTermNode term : terms) {
      validateTerm(term, path + ".nodeSelectorTerms[" + term.index() + "]", false, true, problems);
    }
  }

  // ValidatePreferredSchedulingTerms: weight 1-100, and the preference validated with
  // allowInvalidLabelValue = true ("we always allow invalid label-value for preferred affinity").
  private static void validatePreferred(PodTemplate pod, String path, Problems problems) {
    List<Node> preferred = pod.preferredTerms();
    for (int i = 0; i < preferred.size(); i++) {
      Node item = preferred.get(i);
      String itemPath = path + "[" + i + "]";
      Node weightNode = YamlNodes.get(item, "weight");
      String weightText = YamlNodes.text(weightNode);
      long weight = 0;
      boolean numeric = true;
      if (weightText != null) {
        try {
          weight = Long.parseLong(weightText.strip());
        } catch (NumberFormatException e) {
          numeric = false;
        }
      }
      if (numeric && (weight < 1 || weight > 100)) {
        problems.other(
            weightNode != null ? weightNode : item,
            itemPath + ".weight: Invalid value: " + weight + ": must be in the range 1-100",
            "Set a weight from 1 to 100; a term without a weight is rejected.");
      }
      Node preference = YamlNodes.get(item, "preference");
      validateTerm(
          new NodeSelectorTermNode(preference, i), itemPath + ".preference", true, false, problems);
    }
  }

  private static void validateTerm(
      NodeSelectorTermNode term,
      String path,
      boolean allowInvalidLabelValue,
      boolean required,
      Problems problems) {
    for (Requirement rq : term.matchExpressions()) {
      validateRequirement(
          rq,
          path + ".matchExpressions[" + rq.index() + "]",
          allowInvalidLabelValue,
          required,
          problems);
    }
    for (Requirement rq : term.matchFields()) {
      validateFieldRequirement(rq, path + ".matchFields[" + rq.index() + "]", required, problems);
    }
  }

  // ValidateNodeSelectorRequirement: value count per operator, then the key, then (required terms
  // only, since kubernetes PR #128212) every value as a label value.
  private static void validateRequirement(
      Requirement rq,
      String path,
      boolean allowInvalidLabelValue,
      boolean required,
      Problems problems) {
    // The decoder runs before validation: NodeSelectorRequirement's key, operator and values are
    // strings, so a plain 8 or true is rejected with the whole object.
    boolean decodes = true;
    List<Node> scalars = new ArrayList<>();
    scalars.add(YamlNodes.get(rq.node(), "key"));
    scalars.add(YamlNodes.get(rq.node(), "operator"));
    scalars.addAll(YamlNodes.items(rq.valuesNode()));
    for (Node scalar : scalars) {
      String type = YamlNodes.nonStringJsonType(scalar);
      if (type != null) {
        decodes = false;
        problems.add(
            required,
            scalar,
            path
                + ": json: cannot unmarshal "
                + type
                + " into Go struct field NodeSelectorRequirement of type string",
            quoteFix(scalar, type),
            Edit.quote(scalar, YamlNodes.text(scalar)));
      }
    }
    if (!decodes) {
      return;
    }
    String op = rq.operator();
    int count = rq.values().size();
    Node values = rq.valuesNode() != null ? rq.valuesNode() : rq.node();
    switch (op) {
      case "In", "NotIn" -> {
        if (count == 0) {
          problems.add(
              required,
              values,
              path
                  + ".values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
              "List at least one value, or use Exists / DoesNotExist.");
        }
      }
      case "Exists", "DoesNotExist" -> {
        if (count > 0) {
          problems.add(
              required,
              values,
              path
                  + ".values: Forbidden: may not be specified when `operator` is 'Exists' or"
                  + " 'DoesNotExist'",
              "Remove the values, or use In / NotIn.");
        }
      }
      case "Gt", "Lt" -> {
        if (count != 1) {
          problems.add(
              required,
              values,
              path
                  + ".values: Required value: must be specified single value when `operator` is"
                  + " 'Lt' or 'Gt'",
              "Give exactly one integer value.");
        }
      }
      default ->
          problems.add(
              required,
              fieldOrSelf(rq.node(), "operator"),
              invalid(path + ".operator", op, "not a valid selector operator"),
              "Use one of In, NotIn, Exists, DoesNotExist, Gt, Lt (case matters).");
    }
    for (String msg : LabelSyntax.qualifiedNameErrors(rq.key())) {
      problems.add(
          required,
          fieldOrSelf(rq.node(), "key"),
          invalid(path + ".key", rq.key(), msg),
          FIX_SYNTAX);
    }
    if (!allowInvalidLabelValue) {
      List<Node> items = YamlNodes.items(rq.valuesNode());
      List<String> texts = rq.values();
      for (int i = 0; i < texts.size(); i++) {
        for (String msg : LabelSyntax.labelValueErrors(texts.get(i))) {
          problems.add(
              required,
              items.get(i),
              invalid(path + ".values[" + i + "]", texts.get(i), msg),
              FIX_SYNTAX);
        }
      }
    }
  }

  // ValidateNodeFieldSelectorRequirement: In/NotIn with exactly one value, key metadata.name (the
  // only key in nodeFieldSelectorValidators), each value a node name (ValidateNodeName, a DNS-1123
  // subdomain).
  private static void validateFieldRequirement(
      Requirement rq, String path, boolean required, Problems problems) {
    String op = rq.operator();
    Node values = rq.valuesNode() != null ? rq.valuesNode() : rq.node();
    if (op.equals("In") || op.equals("NotIn")) {
      if (rq.values().size() != 1) {
        problems.add(
            required,
            values,
            path
                + ".values: Required value: must be only one value when `operator` is 'In' or"
                + " 'NotIn' for node field selector",
            "Give exactly one node name.");
      }
    } else {
      problems.add(
          required,
          fieldOrSelf(rq.node(), "operator"),
          invalid(path + ".operator", op, "not a valid selector operator"),
          "matchFields supports only In and NotIn.");
    }
    if (!rq.key().equals("metadata.name")) {
      problems.add(
          required,
          fieldOrSelf(rq.node(), "key"),
          invalid(path + ".key", rq.key(), "not a valid field selector key"),
          "matchFields supports only the key metadata.name; select labels with matchExpressions.");
    } else {
      List<Node> items = YamlNodes.items(rq.valuesNode());
      List<String> texts = rq.values();
      for (int i = 0; i < texts.size(); i++) {
        for (String msg : LabelSyntax.dns1123SubdomainErrors(texts.get(i))) {
          problems.add(
              required,
              items.get(i),
              invalid(path + ".values[" + i + "]", texts.get(i), msg),
              "Give a node name: a lowercase DNS subdomain.");
        }
      }
    }
  }

  private static Node fieldOrSelf(Node node, String field) {
    Node found = YamlNodes.get(node, field);
    return found != null ? found : node;
  }

  /** field.Invalid rendered by field.Error.Error(): string values are printed with %q. */
  static String invalid(String path, String value, String detail) {
    return path + ": Invalid value: " + goQuote(value) + ": " + detail;
  }

  /** Go's strconv.Quote for the printable ASCII that label syntax deals in. */
  static String goQuote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  static String quoteFix(Node value, String type) {
    return "Quote the value: \""
        + YamlNodes.text(value)
        + "\". Unquoted, YAML reads it as a "
        + type
        + ", and the API server rejects the whole object; in a chart, write"
        + " {{ .Values.x | quote }} or toYaml a string.";
  }

  /** Reports API errors and remembers whether the required part or nodeSelector had any. */
  private static final class Problems {
    private final RuleContext context;
    private boolean requiredOrSelectorInvalid;

    Problems(RuleContext context) {
      this.context = context;
    }

    void add(boolean required, Node node, String message, String fix) {
      add(required, node, message, fix, null);
    }

    void add(boolean required, Node node, String message, String fix, Edit.Draft edit) {
      if (required) {
        required(node, message, fix, edit);
      } else {
        context.report(node, message, fix, edit);
      }
    }

    void required(Node node, String message, String fix) {
      required(node, message, fix, null);
    }

    void required(Node node, String message, String fix, Edit.Draft edit) {
      requiredOrSelectorInvalid = true;
      context.report(node, message, fix, edit);
    }

    void other(Node node, String message, String fix) {
      context.report(node, message, fix);
    }
  }
}
