package io.chartlint.rules.placement;

import static io.chartlint.core.Severity.ERROR;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartlint.core.engine.EditDistance;
import io.chartlint.core.model.Container;
import io.chartlint.core.model.KubeObject;
import io.chartlint.core.model.Placements;
import io.chartlint.core.model.PodTemplate;
import io.chartlint.core.model.YamlNodes;
import io.chartlint.core.report.RuleDocs;
import io.chartlint.core.rule.Edit;
import io.chartlint.core.rule.Rule;
import io.chartlint.core.rule.RuleContext;
import io.chartlint.core.rule.RuleInfo;
import io.chartlint.core.rule.RuleParameters;
import io.chartlint.core.scheduling.Exclusions;
import io.chartlint.core.scheduling.Fit;
import io.chartlint.core.scheduling.InventoryNode;
import io.chartlint.core.scheduling.NodeSelectorRequirement;
import io.chartlint.core.scheduling.PodPlacement;
import io.chartlint.core.scheduling.Scheduling;
import io.chartlint.core.scheduling.SimulatedNode;
import io.chartlint.core.scheduling.TaintCheck;
import io.chartlint.core.scheduling.TermMatch;
import io.chartlint.rules.placement.VirtualNodeCatalogue.NodeType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

@RuleInfo(
    id = "virtual-node-exclusion",
    summary = "A node-bound workload can be scheduled onto virtual or simulated nodes",
    severity = ERROR,
    since = "0.1.0",
    category = "placement")
public final class NodeBoundWorkloadsAvoidVirtualNodes implements Rule, RuleDocs.Describable {
  static final String NODE_BOUND_ANNOTATION = "chartlint.io/node-bound";

  /** SnakeYAML's YAML 1.1 resolver; it only reads its tables, so threads may share it. */
  private static final Resolver RESOLVER = new Resolver();

  private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

  private static final String NODE_TYPES = "nodeTypes";

  @Override
  public void check(KubeObject object, RuleContext context) {
    Optional<PodTemplate> template = object.podTemplate();
    if (template.isEmpty() || object.kind().equals("Node")) {
      return;
    }
    PodTemplate pod = template.get();
    if (nodeBoundReason(object, pod) == null) {
      return; // an ordinary Deployment may burst onto virtual nodes on purpose
    }
    PodPlacement placement = Placements.of(pod);
    List<String> enabled = context.parameters().strings(NODE_TYPES);
    // once per run: the cluster's nodes are the same for every object
    VirtualNodeCatalogue catalogue =
        context
            .inventory()
            .derived(
                VirtualNodeCatalogue.class,
                inventory ->
                    VirtualNodeCatalogue.builtIn()
                        .withClusterNodes(
                            inventory.nodes().stream().map(InventoryNode::node).toList()));
    // Types that let the workload in for the same reason are listed together, in catalogue order.
    Map<String, List<String>> typesByReason = new LinkedHashMap<>();
    Set<NodeSelectorRequirement> exclusions = new LinkedHashSet<>();
    int fitting = 0;
    Integer firstAdmittingTerm = null;
    Function<SimulatedNode, Fit> fitter = Scheduling.fitter(placement, false);
    for (NodeType type : catalogue.types()) {
      if (enabled != null && !enabled.contains(type.id())) {
        continue;
      }
      for (SimulatedNode node : type.nodes()) {
        Fit fit = fitter.apply(node);
        if (!fit.fits()) {
          continue;
        }
        fitting++;
        typesByReason.computeIfAbsent(how(fit), k -> new ArrayList<>()).add(type.id());
        exclusions.addAll(type.exclusions());
        for (TermMatch term : fit.matchingTerms()) {
          if (firstAdmittingTerm == null || term.index() < firstAdmittingTerm) {
            firstAdmittingTerm = term.index();
          }
        }
        break; // one fitting node is enough to place the workload on this type
      }
    }
    if (fitting == 0) {
      return;
    }
    List<String> groups = new ArrayList<>();
    typesByReason.forEach(
        (reason, ids) ->
            groups.add(
                String.join(", ", ids)
                    + " ("
                    + (ids.size() == 1 ? singular(reason) : reason)
                    + ")"));
    context.report(
        location(pod, firstAdmittingTerm),
        nodeBoundReason(object, pod)
            + " can be scheduled onto "
            + (fitting == 1
                ? "1 type of virtual or simulated node"
                : fitting + " types of virtual or simulated node")
            + ": "
            + String.join("; ", groups),
        fix(Exclusions.merge(exclusions)),
        Edit.requireNodeAffinity(pod.spec(), requirements(Exclusions.merge(exclusions))));
  }

  /** The exclusions as the maps an {@link Edit} takes, in the order the fix text lists them. */
  private static List<Map<String, Object>> requirements(List<NodeSelectorRequirement> exclusions) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (NodeSelectorRequirement rq : exclusions) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("key", rq.key());
      entry.put("operator", rq.operator());
      if (!rq.values().isEmpty()) {
        entry.put("values", List.copyOf(rq.values()));
      }
      list.add(entry);
    }
    return list;
  }

  /** Why the workload must run on a real node, or null when it need not. */
  static String nodeBoundReason(KubeObject object, PodTemplate pod) {
    String annotation = object.annotations().get(NODE_BOUND_ANNOTATION);
    if (annotation == null) {
      annotation = pod.annotations().get(NODE_BOUND_ANNOTATION);
    }
    if ("false".equals(annotation)) {
      return null;
    }
    String what = object.kind() + " '" + object.name() + "'";
    if (object.isDaemonSet()) {
      return what;
    }
    if (!pod.hostPathVolumes().isEmpty()) {
      return what + " (it mounts a hostPath volume)";
    }
    if (pod.hostNetwork()) {
      return what + " (it uses hostNetwork)";
    }
    if (pod.hostPID()) {
      return what + " (it uses hostPID)";
    }
    if (pod.hostIPC()) {
      return what + " (it uses hostIPC)";
    }
    for (Container container : pod.allContainers()) {
      if (container.hasHostPort()) {
        return what + " (" + container.describe() + " binds a hostPort)";
      }
      if (isVirtualNodeController(container.image())) {
        return what
            + " ("
            + container.describe()
            + " runs "
            + container.image()
            + ", a virtual-node controller)";
      }
    }
    if ("true".equals(annotation)) {
      return what + " (annotated " + NODE_BOUND_ANNOTATION + ": \"true\")";
    }
    return null;
  }

  /**
   * Whether an image is a virtual or fake node controller: KWOK ({@code
   * registry.k8s.io/kwok/kwok}), virtual-kubelet and its providers, or fake-kubelet. Judged on the
   * repository path, not the tag.
   */
  static boolean isVirtualNodeController(String image) {
    if (image == null) {
      return false;
    }
    String repository = image.toLowerCase(Locale.ROOT);
    int digest = repository.indexOf('@');
    if (digest >= 0) {
      repository = repository.substring(0, digest);
    }
    int slash = repository.lastIndexOf('/');
    int colon = repository.lastIndexOf(':');
    if (colon > slash) {
      repository = repository.substring(0, colon);
    }
    String name = repository.substring(repository.lastIndexOf('/') + 1);
    return name.equals("kwok")
        || name.startsWith("kwok-")
        || repository.contains("virtual-kubelet")
        || repository.contains("fake-kubelet");
  }

  /**
   * How the pod gets onto a node of the type, in words that do not depend on the type, so types
   * admitted the same way group together: what lets its labels through, and what tolerates its
   * taints.
   */
  private static String how(Fit fit) {
    String labels;
    if (fit.unconstrained()) {
      labels = "no nodeSelector or required node affinity keeps them out";
    } else if (fit.terms() == null) {
      labels = "nodeSelector admits them";
    } else {
      List<TermMatch> matching = fit.matchingTerms();
      labels =
          "required node affinity "
              + (matching.size() == 1 ? "term " : "terms ")
              + matching.stream().map(t -> String.valueOf(t.index())).toList()
              + (matching.size() == 1 ? " admits them" : " admit them");
    }
    if (fit.taints().isEmpty()) {
      return labels + ", and they have no NoSchedule or NoExecute taint";
    }
    Set<String> tolerating = new LinkedHashSet<>();
    for (TaintCheck check : fit.taints()) {
      tolerating.add(check.toleratedBy().describe());
    }
    return labels
        + ", and "
        + String.join(" and ", tolerating)
        + (tolerating.size() == 1 ? " tolerates" : " tolerate")
        + " their taints";
  }

  /** {@link #how} speaks of several types; this is the same for one. */
  private static String singular(String how) {
    return how.replace(" them", " it")
        .replace("they have", "it has")
        .replace("their taints", "its taints");
  }

  /**
   * Where to report: the first required term that admits a virtual node, else the affinity, else
   * nodeSelector, else the pod spec.
   */
  private static Node location(PodTemplate pod, Integer term) {
    if (term != null) {
      return pod.requiredTerms().get(term).node();
    }
    Node affinity = pod.field("affinity");
    if (affinity != null) {
      return YamlNodes.keyNode(pod.spec(), "affinity");
    }
    if (pod.nodeSelectorNode() != null) {
      return YamlNodes.keyNode(pod.spec(), "nodeSelector");
    }
    return pod.spec();
  }

  private static String fix(List<NodeSelectorRequirement> exclusions) {
    StringBuilder s =
        new StringBuilder(
            "Add these matchExpressions to every term of"
                + " affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                + " (create one term with them if there is none):\n");
    for (NodeSelectorRequirement rq : exclusions) {
      s.append("- {key: ").append(rq.key()).append(", operator: ").append(rq.operator());
      if (!rq.values().isEmpty()) {
        s.append(", values: [")
            .append(
                String.join(
                    ", ",
                    rq.values().stream()
                        .map(NodeBoundWorkloadsAvoidVirtualNodes::yamlString)
                        .toList()))
            .append("]");
      }
      s.append("}\n");
    }
    return s.toString().stripTrailing();
  }

  /**
   * A value as YAML that reads back as a string: quoted when YAML 1.1 would read it as a bool,
   * number or null ({@code "true"}), since the API server rejects those in {@code values}.
   */
  static String yamlString(String value) {
    Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
    boolean plainIsString =
        tag.equals(Tag.STR)
            && !value.isEmpty()
            && PLAIN_VALUE.matcher(value).matches()
            && !List.of("y", "Y", "n", "N").contains(value); // bools to Kubernetes' YAML reader
    return plainIsString ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public List<String> parameterErrors(RuleParameters parameters) {
    List<String> errors = new ArrayList<>();
    for (String name : parameters.names()) {
      if (!name.equals(NODE_TYPES)) {
        errors.add("has no parameter '" + name + "' (it takes: " + NODE_TYPES + ")");
      }
    }
    if (parameters.get(NODE_TYPES) != null && parameters.strings(NODE_TYPES) == null) {
      errors.add("parameter '" + NODE_TYPES + "' must be a list of node type ids");
      return errors;
    }
    List<String> ids = VirtualNodeCatalogue.builtIn().ids();
    List<String> given = parameters.strings(NODE_TYPES);
    if (given != null) {
      for (String id : given) {
        if (!ids.contains(id)) {
          String closest =
              ids.stream()
                  .min(Comparator.comparingInt(k -> EditDistance.between(id, k)))
                  .orElse("");
          errors.add(
              "lists unknown node type '"
                  + id
                  + "'; did you mean '"
                  + closest
                  + "'? (known: "
                  + String.join(", ", ids)
                  + ")");
        }
      }
    }
    return errors;
  }

  @Override
  public ObjectNode details() {
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    ArrayNode list = details.putArray(NODE_TYPES);
    for (NodeType type : VirtualNodeCatalogue.builtIn().types()) {
      ObjectNode node = list.addObject();
      node.put("id", type.id());
      node.put("description", type.description());
      if (type.source() != null) {
        node.put("source", type.source());
      }
      ArrayNode exclusion = node.putArray("exclusion");
      type.exclusions().forEach(rq -> exclusion.add(rq.toString()));
    }
    return details;
  }

  @Override
  public String detailsMarkdown() {
    StringBuilder s = new StringBuilder("## Node types\n\n");
    s.append(
        "Generated from the catalogue in `rules/src/main/resources/io/chartlint/rules/virtual-nodes/`."
            + " Enable a subset with `rules: {virtual-node-exclusion: {nodeTypes: [...]}}`.\n\n");
    s.append("| id | description | excluded by |\n|---|---|---|\n");
    for (NodeType type : VirtualNodeCatalogue.builtIn().types()) {
      s.append("| `")
          .append(type.id())
          .append("` | ")
          .append(type.description().replace("|", "\\|").replace("\n", " "))
          .append(" | ");
      List<String> exclusions = type.exclusions().stream().map(rq -> "`" + rq + "`").toList();
      s.append(String.join(", ", exclusions)).append(" |\n");
    }
    return s.toString();
  }
}
