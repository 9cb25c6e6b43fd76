/**
 * A model of where the Kubernetes scheduler and the DaemonSet controller will place a pod: node
 * selector, required node affinity and taints against tolerations, without any YAML.
 *
 * <p>Every rule follows the upstream Go code it cites, so that a finding can say exactly why a pod
 * fits a node. {@link io.chartlint.core.scheduling.Scheduling#fit} is the entry point.
 */
package io.chartlint.core.scheduling;
