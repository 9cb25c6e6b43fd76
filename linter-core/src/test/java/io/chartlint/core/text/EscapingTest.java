package io.chartlint.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapingTest {
  @Test
  void printableTextIsKeptAsItIs() {
    String text = "DaemonSet 'agent' does not run on 3 nodes: pool=gpu (3 nodes)";

    assertThat(Escaping.text(text)).isSameAs(text);
    assertThat(Escaping.multiline("fix:\n  set it")).isEqualTo("fix:\n  set it");
    assertThat(Escaping.text("zone: eu-central-1a ✓ ü")).isEqualTo("zone: eu-central-1a ✓ ü");
  }

  @Test
  void controlCharactersAndBidiOverridesBecomeVisible() {
    assertThat(Escaping.text("a\nb\tc\u001b[31md\u007fe\u202ef"))
        .isEqualTo("a\\nb\\tc\\e[31md\\x7fe\\u202ef");
  }

  @Test
  void noLineOfMultilineTextStartsAWorkflowCommand() {
    assertThat(Escaping.multiline("::error::x\r\n  ::add-mask::y\n##[group]z"))
        .isEqualTo("\\::error::x\n\\  ::add-mask::y\n\\##[group]z");
  }
}
