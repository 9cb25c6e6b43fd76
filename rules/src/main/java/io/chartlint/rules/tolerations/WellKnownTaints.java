package io.chartlint.rules.tolerations;

import io.chartlint.core.engine.EditDistance;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The taint keys Kubernetes components set, and the ones they no longer set. */
final class WellKnownTaints {
  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  static final String CONTROL_PLANE = "node-role.kubernetes.io/control-plane";
  static final String MASTER = "node-role.kubernetes.io/master";
  private static final String NODE_ROLE_PREFIX = "node-role.kubernetes.io";
  private static final String ALPHA_PREFIX = "node.alpha.kubernetes.io";

  /**
   * Keys set today: k8s.io/api core/v1 well_known_taints.go, k8s.io/cloud-provider
   * api/well_known_taints.go, and kubeadm's control-plane taint.
   */
  static final List<String> CURRENT =
      List.of(
          NOT_READY,
          UNREACHABLE,
          "node.kubernetes.io/unschedulable",
          "node.kubernetes.io/memory-pressure",
          "node.kubernetes.io/disk-pressure",
          "node.kubernetes.io/network-unavailable",
          "node.kubernetes.io/pid-pressure",
          "node.kubernetes.io/out-of-service",
          "node.cloudprovider.kubernetes.io/uninitialized",
          "node.cloudprovider.kubernetes.io/shutdown",
          CONTROL_PLANE);

  /**
   * Keys in reserved namespaces that managed platforms set: GKE taints Arm nodes {@code
   * kubernetes.io/arch=arm64:NoSchedule} and Windows Server nodes {@code
   * node.kubernetes.io/os=windows:NoSchedule}.
   */
  static final List<String> PLATFORM = List.of("kubernetes.io/arch", "node.kubernetes.io/os");

  /**
   * The alpha keys the node controller set before the node.kubernetes.io names replaced them, and
   * what replaced them.
   */
  private static final Map<String, String> ALPHA =
      Map.of(
          "node.alpha.kubernetes.io/notready", NOT_READY,
          "node.alpha.kubernetes.io/unreachable", UNREACHABLE);

  private WellKnownTaints() {}

  /**
   * Whether a key lies in a namespace that Kubernetes reserves for its own components: {@code
   * kubernetes.io}, {@code k8s.io} and their subdomains (the rule for labels and annotations in the
   * Kubernetes documentation, "Well-Known Labels, Annotations and Taints").
   */
  static boolean reserved(String key) {
    int slash = key.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String prefix = key.substring(0, slash);
    return prefix.equals("kubernetes.io")
        || prefix.endsWith(".kubernetes.io")
        || prefix.equals("k8s.io")
        || prefix.endsWith(".k8s.io");
  }

  /** What is wrong with a key in a reserved namespace, or null when it is a known taint. */
  static Problem problem(String key) {
    if (CURRENT.contains(key) || PLATFORM.contains(key)) {
      return null;
    }
    String prefix = key.substring(0, key.indexOf('/'));
    if (key.equals(MASTER)) {
      return new Problem(
          "is no longer set: kubeadm stopped tainting control-plane nodes with it in Kubernetes"
              + " 1.25 and removes it on upgrade (kubernetes/kubernetes#110095); control-plane"
              + " nodes carry '"
              + CONTROL_PLANE
              + "'",
          null);
    }
    if (prefix.equals(NODE_ROLE_PREFIX)) {
      // Cluster installers and administrators taint nodes by role in this namespace (RKE
      // `controlplane` and `etcd`, OpenShift `infra`): no list of roles exists to check against.
      return null;
    }
    if (prefix.equals(ALPHA_PREFIX)) {
      String replacement = ALPHA.get(key.toLowerCase(Locale.ROOT));
      return new Problem(
          "is an alpha taint key that Kubernetes no longer sets, so the toleration matches nothing",
          replacement);
    }
    String nearest = null;
    int best = Integer.MAX_VALUE;
    for (String known : CURRENT) {
      int distance = EditDistance.between(key, known);
      if (distance < best) {
        best = distance;
        nearest = known;
      }
    }
    String reason = "is no taint that Kubernetes sets, so the toleration matches nothing";
    return new Problem(reason, best <= 3 ? nearest : null);
  }

  /**
   * @param replacement the key meant, or null when none is close
   */
  record Problem(String reason, String replacement) {}
}
