package io.chartlint.core.policy.polaris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoTemplateTest {
  private static final Map<String, Object> POD =
      Map.of(
          "metadata",
          Map.of("name", "web", "labels", Map.of("b", "2", "a", "1")),
          "spec",
          Map.of("minReplicas", BigInteger.TWO, "hostNetwork", false));

  private static String render(String template) {
    return GoTemplate.parse(template).render(POD);
  }

  @Test
  void printsFieldsAndNoValueForMissingKeys() {
    assertThat(render("name: {{ .metadata.name }}")).isEqualTo("name: web");
    assertThat(render("{{ .metadata.missing.deeper }}")).isEqualTo("<no value>");
    assertThat(render("{{ .spec.minReplicas }}")).isEqualTo("2");
  }

  @Test
  void trimsWhitespaceBesideDashes() {
    assertThat(render("a:\n  {{- if .spec.minReplicas }}\n  b {{- end }}\n"))
        .isEqualTo("a:\n  b\n");
  }

  @Test
  void rangesOverMapsInKeyOrderWithVariables() {
    assertThat(render("{{ range $k, $v := .metadata.labels }}{{ $k }}={{ $v }};{{ end }}"))
        .isEqualTo("a=1;b=2;");
    assertThat(render("{{ range .metadata.nothing }}x{{ else }}empty{{ end }}")).isEqualTo("empty");
  }

  @Test
  void evaluatesConditionsAsGoDoes() {
    assertThat(render("{{ if not (eq .spec.automount false) }}yes{{ end }}")).isEqualTo("yes");
    assertThat(render("{{ if eq .spec.hostNetwork false }}off{{ else }}on{{ end }}"))
        .isEqualTo("off");
    assertThat(render("{{ if and .metadata.name (hasPrefix .metadata.name \"w\") }}w{{ end }}"))
        .isEqualTo("w");
    assertThat(render("{{ if or .nothing (ne .metadata.name \"x\") }}ne{{ end }}")).isEqualTo("ne");
    assertThat(render("{{ if .spec.minReplicas }}{{ else if .x }}{{ end }}ok")).isEqualTo("ok");
  }

  @Test
  void declaresAssignsAndIndexes() {
    assertThat(
            render(
                "{{ $n := (print \"x/\" .metadata.name) }}{{ $found := false }}"
                    + "{{ if .metadata.labels }}{{ $found = index .metadata \"labels\" \"a\" }}"
                    + "{{ end }}{{ $n }} {{ $found }}"))
        .isEqualTo("x/web 1");
    assertThat(render("{{/* a comment\n spanning lines */}}{{ len .metadata.labels }}"))
        .isEqualTo("2");
  }

  @Test
  void failsWhereGoFails() {
    assertThatThrownBy(() -> render("{{ eq .metadata.name 1 }}"))
        .hasMessageContaining("incompatible types for comparison");
    assertThatThrownBy(() -> render("{{ index .nothing \"a\" }}"))
        .hasMessageContaining("index of untyped nil");
  }

  @Test
  void refusesWhatItDoesNotEvaluateWithTheLine() {
    assertThatThrownBy(() -> GoTemplate.parse("a\nb\n{{ define \"x\" }}{{ end }}"))
        .isInstanceOfSatisfying(
            GoTemplate.TemplateException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.getMessage()).contains("{{define}}");
            });
    assertThatThrownBy(() -> GoTemplate.parse("\n{{ printf \"%d\" 1 }}"))
        .isInstanceOfSatisfying(
            GoTemplate.TemplateException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.getMessage()).contains("function \"printf\"");
            });
    assertThatThrownBy(() -> GoTemplate.parse("{{ if .a }}x"))
        .hasMessageContaining("{{if}} without {{end}}");
  }

  @Test
  void printsListsAndMapsAsGo() {
    assertThat(
            GoTemplate.parse("{{ .l }} {{ .m }}")
                .render(Map.of("l", List.of("a", "b"), "m", Map.of("k", "v"))))
        .isEqualTo("[a b] map[k:v]");
  }
}
