package io.chartlint.core.load.helm.sourcemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendered lines map to the template text that wrote them. */
class SourceMapTest {
  private static SourceMap map(String rendered, String... pathsAndTexts) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return SourceMap.chart(files).map(rendered);
  }

  private static String stream(String source, String... docs) {
    StringBuilder out = new StringBuilder();
    for (String doc : docs) {
      out.append("---\n# Source: app/").append(source).append('\n').append(doc).append('\n');
    }
    return out.toString();
  }

  private static String where(SourceMap map, int renderedLine) {
    return map.line(renderedLine)
        .map(o -> o.file() + ":" + o.line() + ":" + o.column())
        .orElse("-");
  }

  @Test
  void literalLinesMapToThemselvesAndActionsToTheirLine() {
    String template =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n"
            + "  {{- toYaml .Values.data | nindent 2 }}\n";
    String rendered =
        stream(
            "templates/cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rel\ndata:\n  a: b\n  c: d");
    SourceMap map = map(rendered, "templates/cm.yaml", template);
    assertThat(where(map, 3)).isEqualTo("templates/cm.yaml:1:1");
    assertThat(where(map, 6)).isEqualTo("templates/cm.yaml:4:3");
    assertThat(map.at(6, 9).orElseThrow().action()).isEqualTo("{{ .Release.Name }}");
    assertThat(map.at(6, 9).orElseThrow().line()).isEqualTo(4);
    assertThat(where(map, 8)).isEqualTo("templates/cm.yaml:6:3");
    assertThat(where(map, 9)).isEqualTo("templates/cm.yaml:6:3");
    assertThat(map.line(9).orElseThrow().actions())
        .containsExactly("{{- toYaml .Values.data | nindent 2 }}");
    assertThat(map.fallbacks()).isEmpty();
  }

  @Test
  void untakenBranchesMatchNothing() {
    String template =
        "kind: Pod\nspec:\n  containers:\n{{- if .Values.a }}\n    - name: a\n      image: a\n"
            + "{{- else }}\n    - name: b\n      image: b\n{{- end }}\n    - name: c\n";
    SourceMap map =
        map(
            stream(
                "templates/p.yaml",
                "kind: Pod\nspec:\n  containers:\n    - name: b\n      image: b\n    - name: c"),
            "templates/p.yaml",
            template);
    assertThat(where(map, 6)).isEqualTo("templates/p.yaml:8:5");
    assertThat(where(map, 8)).isEqualTo("templates/p.yaml:11:5");
  }

  @Test
  void rangeBodiesMatchOncePerItem() {
    String template =
        "kind: Pod\nspec:\n  containers:\n{{- range .Values.c }}\n    - name: {{ .name }}\n"
            + "      image: {{ .image }}\n{{- end }}\n    - name: last\n";
    SourceMap map =
        map(
            stream(
                "templates/p.yaml",
                "kind: Pod\nspec:\n  containers:\n    - name: x\n      image: x\n    - name: y\n"
                    + "      image: y\n    - name: last"),
            "templates/p.yaml",
            template);
    assertThat(where(map, 6)).isEqualTo("templates/p.yaml:5:5");
    assertThat(where(map, 8)).isEqualTo("templates/p.yaml:5:5");
    assertThat(where(map, 9)).isEqualTo("templates/p.yaml:6:7");
    assertThat(where(map, 10)).isEqualTo("templates/p.yaml:8:5");
  }

  @Test
  void includedTextMapsToTheDefineWithTheCallSite() {
    String helpers =
        "{{- define \"app.labels\" -}}\napp: {{ .Chart.Name }}\ntier: web\n{{- end }}\n";
    String template =
        "kind: Pod\nmetadata:\n  labels:\n    {{- include \"app.labels\" . | nindent 4 }}\n"
            + "spec:\n  containers:\n    - name: {{ include \"app.name\" . }}\n";
    SourceMap map =
        map(
            stream(
                "templates/p.yaml",
                "kind: Pod\nmetadata:\n  labels:\n    app: web\n    tier: web\nspec:\n"
                    + "  containers:\n    - name: web"),
            "templates/_helpers.tpl",
            helpers,
            "templates/p.yaml",
            template);
    SourceMap.Origin tier = map.line(7).orElseThrow();
    assertThat(tier.file()).isEqualTo("templates/_helpers.tpl");
    assertThat(tier.line()).isEqualTo(3);
    assertThat(tier.calls())
        .containsExactly(
            new SourceMap.Call(
                "templates/p.yaml", 4, 5, "{{- include \"app.labels\" . | nindent 4 }}"));
    assertThat(where(map, 10)).isEqualTo("templates/p.yaml:7:5");
    assertThat(map.at(10, 7).orElseThrow().column()).isEqualTo(7);
    assertThat(map.at(10, 13).orElseThrow().action()).isEqualTo("{{ include \"app.name\" . }}");
    assertThat(map.line(10).orElseThrow().calls()).isEmpty();
  }

  @Test
  void twoObjectsOfOneShapeMapToTheFirstAndSecondWritten() {
    String template =
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.a }}\n---\n"
            + "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.b }}\n";
    SourceMap map =
        map(
            stream(
                "templates/s.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: a",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: b"),
            "templates/s.yaml",
            template);
    assertThat(where(map, 6)).isEqualTo("templates/s.yaml:4:3");
    assertThat(where(map, 12)).isEqualTo("templates/s.yaml:9:3");
  }

  @Test
  void crlfTemplatesMapLineByLine() {
    String template =
        "kind: Pod\r\nspec:\r\n  {{- if true }}\r\n  a: {{ 1 }}\r\n  {{- end }}\r\n  b: 2\r\n";
    SourceMap map =
        map(
            stream("templates/p.yaml", "kind: Pod\r\nspec:\r\n  a: 1\r\n  b: 2"),
            "templates/p.yaml",
            template);
    assertThat(where(map, 5)).isEqualTo("templates/p.yaml:4:3");
    assertThat(where(map, 6)).isEqualTo("templates/p.yaml:6:3");
  }

  @Test
  void unknownTemplatesAreFallbacks() {
    SourceMap map = map(stream("templates/x.yaml", "kind: A"), "templates/y.yaml", "kind: A\n");
    assertThat(map.line(3)).isEmpty();
    assertThat(map.fallbacks()).hasSize(1);
    assertThat(List.copyOf(map.fallbacks()).get(0)).contains("templates/x.yaml");
  }

  @Test
  void nestedRangesMatchEachItemOfEachLevel() {
    String template =
        "kind: X\nitems:\n{{- range .Values.groups }}\n  - group: {{ .name }}\n    members:\n"
            + "    {{- range .members }}\n      - {{ . }}\n    {{- end }}\n{{- end }}\nend: true\n";
    SourceMap map =
        map(
            stream(
                "templates/x.yaml",
                "kind: X\nitems:\n  - group: a\n    members:\n      - 1\n      - 2\n"
                    + "  - group: b\n    members:\n      - 3\nend: true"),
            "templates/x.yaml",
            template);
    assertThat(where(map, 5)).isEqualTo("templates/x.yaml:4:3");
    assertThat(where(map, 8)).isEqualTo("templates/x.yaml:7:7");
    assertThat(where(map, 9)).isEqualTo("templates/x.yaml:4:3");
    assertThat(where(map, 11)).isEqualTo("templates/x.yaml:7:7");
    assertThat(where(map, 12)).isEqualTo("templates/x.yaml:10:1");
  }

  @Test
  void aTemplateOfManyActionsAgainstALongDocumentStaysBounded() {
    StringBuilder template = new StringBuilder("kind: X\ndata:\n");
    for (int i = 0; i < 2000; i++) {
      template.append("  k").append(i).append(": {{ .Values.v }}{{ .Values.w }}\n");
    }
    StringBuilder doc = new StringBuilder("kind: X\ndata:\n");
    for (int i = 0; i < 4000; i++) {
      doc.append("  k").append(i % 2000).append(": ").append("v".repeat(i % 7)).append('\n');
    }
    SourceMap map =
        map(
            stream("templates/x.yaml", doc.toString().strip()),
            "templates/x.yaml",
            template.toString());
    // either aligned or counted as a fallback; never a hang, never silently nothing
    assertThat(map.line(3)).isPresent();
    assertThat(map.line(3).orElseThrow().exact() || !map.fallbacks().isEmpty()).isTrue();
  }
}
