package io.chartlint.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The pod spec paths of SPEC §6 (k8s.io/api core/v1, apps/v1, batch/v1 types; OpenKruise and Argo
 * Rollouts CRDs), plus those a config adds.
 */
public final class PodTemplatePaths {
  /** Built-in kinds match in any group, so {@code extensions/v1beta1} and Kruise's kinds work. */
  public static final List<PodTemplatePath> BUILT_IN =
      List.of(
          new PodTemplatePath(null, "Pod", "spec"),
          new PodTemplatePath(null, "PodTemplate", "template.spec"),
          new PodTemplatePath(null, "Deployment", "spec.template.spec"),
          new PodTemplatePath(null, "StatefulSet", "spec.template.spec"),
          new PodTemplatePath(null, "DaemonSet", "spec.template.spec"),
          new PodTemplatePath(null, "ReplicaSet", "spec.template.spec"),
          new PodTemplatePath(null, "ReplicationController", "spec.template.spec"),
          new PodTemplatePath(null, "Job", "spec.template.spec"),
          new PodTemplatePath(null, "CronJob", "spec.jobTemplate.spec.template.spec"),
          new PodTemplatePath("apps.kruise.io", "CloneSet", "spec.template.spec"),
          new PodTemplatePath("apps.kruise.io", "BroadcastJob", "spec.template.spec"),
          new PodTemplatePath("argoproj.io", "Rollout", "spec.template.spec"));

  private final List<PodTemplatePath> paths;

  public PodTemplatePaths(List<PodTemplatePath> extra) {
    List<PodTemplatePath> all = new ArrayList<>(extra); // configured paths come first
    all.addAll(BUILT_IN);
    this.paths = List.copyOf(all);
  }

  public static PodTemplatePaths builtIn() {
    return new PodTemplatePaths(List.of());
  }

  /** The pod spec path of a kind, or null when it has no pod template. */
  public String specPath(String apiVersion, String kind) {
    for (PodTemplatePath p : paths) {
      if (p.matches(apiVersion, kind)) {
        return p.path();
      }
    }
    return null;
  }
}
