package io.chartlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateLocationsTest {
  @Test
  void actionTextFromATemplateIsOneLineWithControlCharactersEscaped() {
    String hostile = "{{ include \"x\" (print \"\u001b[2J\nerror: fake\u202e\") }}";
    String shown = TemplateLocations.oneLine(hostile);
    assertThat(shown).doesNotContain("\n").doesNotContain("\u001b").doesNotContain("\u202e");
    assertThat(shown).contains("\\e[2J error: fake\\u202e");
    assertThat(TemplateLocations.oneLine("x".repeat(500))).hasSize(161).endsWith("…");
  }
}
