{{- define "source-map.name" -}}
{{ .Chart.Name }}
{{- end }}

{{- define "source-map.proxy" -}}
- name: proxy
  image: registry.example.com/proxy:1.0
{{- end }}

{{/* Text a helper writes is placed in the helper; each call site is a related location. */}}
{{- define "source-map.sidecar" -}}
- name: {{ .name }} # expect: cpu-request-missing; memory-request-missing; ephemeral-storage-request-missing; cpu-request-missing; memory-request-missing; ephemeral-storage-request-missing
  image: registry.example.com/sidecar:1.0
{{- end }}
