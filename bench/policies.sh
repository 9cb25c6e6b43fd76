#!/usr/bin/env bash
# Times 1,000 objects (Deployments, DaemonSets, Jobs, Services) against 20 JSON Schema policies,
# then against 20 CEL ValidatingAdmissionPolicies: once through the command line in a fresh JVM
# (cold), then several rounds in one JVM (warm), with and without the policies. Prints figures;
# asserts nothing.
# Usage: bench/policies.sh [ROUNDS]   (warm rounds in one JVM, default 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/linter-cli/target/chartlint.jar"
rounds="${1:-5}"
"$root/chartlint" version >/dev/null # builds the jar when it is missing or stale
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/manifests" "$work/policies" "$work/cel"

# 20 policies: the four examples, each in five variants with its own id and constants.
for i in 1 2 3 4 5; do
  sed -e "s/^id: daemonset-priority-class/id: bench-priority-$i/" \
      -e "s/const: system-node-critical/enum: [system-node-critical, tier-$i]/" \
      "$root/policies/examples/daemonset-priority-class.yaml" >"$work/policies/priority-$i.yaml"
  sed -e "s/^id: images-pinned-by-digest/id: bench-digest-$i/" \
      -e "s/{64}/{6$((i % 5))}/" \
      "$root/policies/examples/images-pinned-by-digest.yaml" >"$work/policies/digest-$i.yaml"
  sed -e "s/^id: containers-limit-memory/id: bench-memory-$i/" \
      -e "s/required: \[memory\]/required: [memory]\n          properties: {memory: {type: string, resourceMaximum: ${i}Gi}}/" \
      "$root/policies/examples/containers-limit-memory.yaml" >"$work/policies/memory-$i.yaml"
  sed -e "s/^id: batch-tolerates-dedicated-taint/id: bench-batch-$i/" \
      -e "s/namespaces: \[batch\]/namespaces: [batch, ns-$i]/" \
      "$root/policies/examples/batch-tolerates-dedicated-taint.yaml" >"$work/policies/batch-$i.yaml"
done

# 20 CEL policies: the four ValidatingAdmissionPolicy examples, each in five copies with their own
# names (and the allow-list's binding and ConfigMap params with them).
for i in 1 2 3 4 5; do
  for ex in memory-requests-equal-limits tolerations-allow-list hostpath-mounts-read-only \
    node-agents-system-node-critical; do
    sed -e "s/name: $ex\$/name: bench-cel-$ex-$i/" -e "s/policyName: $ex\$/policyName: bench-cel-$ex-$i/" \
      "$root/policies/examples/$ex.yaml" >"$work/cel/$ex-$i.yaml"
  done
done

# 1,000 objects in 10 files: per group of four, a Deployment, a DaemonSet, a Job and a Service.
for f in $(seq 0 9); do
  out="$work/manifests/app-$f.yaml"
  : >"$out"
  for n in $(seq 0 24); do
    i=$((f * 25 + n))
    ns=$([ $((i % 3)) -eq 0 ] && echo batch || echo ns-$((i % 5 + 1)))
    cat >>"$out" <<YAML
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web-$i, namespace: $ns, labels: {app: web-$i}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web-$i}}
  template:
    metadata: {labels: {app: web-$i}}
    spec:
      containers:
        - name: web
          image: nginx:1.27.$((i % 9))
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: $((i % 4 + 1))Gi}
        - name: sidecar
          image: envoyproxy/envoy@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
          resources:
            requests: {cpu: 50m, memory: 64Mi}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent-$i, namespace: $ns}
spec:
  selector: {matchLabels: {app: agent-$i}}
  template:
    metadata: {labels: {app: agent-$i}}
    spec:
      priorityClassName: $([ $((i % 2)) -eq 0 ] && echo system-node-critical || echo high)
      tolerations: [{operator: Exists}]
      containers:
        - name: agent
          image: example/agent:$i
          resources:
            requests: {cpu: 10m, memory: 32Mi}
            limits: {memory: 64Mi}
---
apiVersion: batch/v1
kind: Job
metadata: {name: job-$i, namespace: $ns}
spec:
  template:
    spec:
      restartPolicy: Never
      tolerations:
        - {key: dedicated, operator: Equal, value: batch, effect: NoSchedule}
      initContainers:
        - {name: init, image: busybox:1.36}
      containers:
        - name: job
          image: example/job:$i
          resources:
            requests: {cpu: 1, memory: 1Gi}
            limits: {memory: 1Gi}
---
apiVersion: v1
kind: Service
metadata: {name: web-$i, namespace: $ns}
spec:
  selector: {app: web-$i}
  ports: [{port: 80}]
YAML
  done
done

echo "1,000 objects in $(ls "$work/manifests" | wc -l) files, $(ls "$work/policies" | wc -l) policies"
cd "$work/manifests"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
start=$(date +%s%N)
"$root/chartlint" lint --threads 1 --format json -o "$work/out.json" . || true
mid=$(date +%s%N)
"$root/chartlint" lint --threads 1 --format json -o "$work/out-policies.json" --policy "$work/policies" . || true
end=$(date +%s%N)
echo "cold, command line, new JVM each: without policies $(((mid - start) / 1000000)) ms," \
  "with 20 policies $(((end - mid) / 1000000)) ms"
"$java_cmd" -cp "$jar" "$root/bench/PolicyBench.java" "$work/manifests" "$work/policies" "$rounds"
start=$(date +%s%N)
"$root/chartlint" lint --threads 1 --format json -o "$work/out-cel.json" --policy "$work/cel" . || true
end=$(date +%s%N)
echo "cold, command line, new JVM: with 20 CEL ValidatingAdmissionPolicies $(((end - start) / 1000000)) ms"
"$java_cmd" -cp "$jar" "$root/bench/PolicyBench.java" "$work/manifests" "$work/cel" "$rounds"
