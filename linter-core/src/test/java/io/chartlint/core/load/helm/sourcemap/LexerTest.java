package io.chartlint.core.load.helm.sourcemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartlint.core.load.helm.sourcemap.Lexer.Token;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lexer splits templates as Go's text/template does. */
class LexerTest {
  private static String describe(String src) throws Lexer.LexException {
    StringBuilder out = new StringBuilder();
    for (Token t : Lexer.lex(src)) {
      out.append(
          t.type() == Token.Type.TEXT
              ? "T[" + src.substring(t.start(), t.end()).replace("\n", "\\n") + "]"
              : (t.type() == Token.Type.COMMENT ? "C[" : "A[") + t.inner() + "]");
    }
    return out.toString();
  }

  @Test
  void trimMarkersRemoveEveryAdjacentWhiteSpaceCharacterAcrossLines() throws Exception {
    assertThat(describe("a: 1\n  \n  {{- .x -}}  \n\n  b: 2")).isEqualTo("T[a: 1]A[.x]T[b: 2]");
    assertThat(describe("a\r\n{{- .x }}\r\nb")).isEqualTo("T[a]A[.x]T[\r\\nb]");
  }

  @Test
  void aMinusWithoutASpaceIsANumberNotATrimMarker() throws Exception {
    assertThat(describe("a {{-3}} b")).isEqualTo("T[a ]A[-3]T[ b]");
  }

  @Test
  void commentsWriteNothingAndMayHoldClosingDelimiters() throws Exception {
    assertThat(describe("a\n{{- /* }} is fine here */ -}}\nb"))
        .isEqualTo("T[a]C[/* }} is fine here */]T[b]");
    assertThat(describe("{{/* one */}}x")).isEqualTo("C[/* one */]T[x]");
  }

  @Test
  void quotedRawAndCharacterStringsMayHoldClosingDelimiters() throws Exception {
    assertThat(describe("{{ \"}}\" }}|{{ `a}}b` }}|{{ '}' }}|{{ \"\\\"}}\" }}"))
        .isEqualTo("A[\"}}\"]T[|]A[`a}}b`]T[|]A['}']T[|]A[\"\\\"}}\"]");
  }

  @Test
  void unclosedActionsAndCommentsAreErrors() {
    assertThatThrownBy(() -> Lexer.lex("a {{ .x")).isInstanceOf(Lexer.LexException.class);
    assertThatThrownBy(() -> Lexer.lex("{{/* x")).isInstanceOf(Lexer.LexException.class);
    assertThatThrownBy(() -> Lexer.lex("{{ \"x }}")).isInstanceOf(Lexer.LexException.class);
  }

  @Test
  void nestedRangesAndElseIfChainsParseIntoOneTree() throws Exception {
    var defines = new HashMap<String, List<Parser.Node>>();
    List<Parser.Node> nodes =
        Parser.parse(
            "{{ range .a }}{{ range .b }}x{{ else }}y{{ end }}{{ end }}"
                + "{{ if .c }}1{{ else if .d }}2{{ else }}3{{ end }}"
                + "{{ define \"n\" }}body{{ end }}{{ $v := 1 }}{{ include \"n\" . | nindent 2 }}",
            defines);
    assertThat(nodes).hasSize(3);
    Parser.Loop outer = (Parser.Loop) nodes.get(0);
    assertThat(outer.body()).singleElement().isInstanceOf(Parser.Loop.class);
    assertThat(((Parser.Loop) outer.body().get(0)).orElse()).hasSize(1);
    assertThat(((Parser.Choice) nodes.get(1)).branches()).hasSize(3);
    Parser.Call call = (Parser.Call) nodes.get(2);
    assertThat(call.name()).isEqualTo("n");
    assertThat(call.newline()).isTrue();
    assertThat(call.indent()).isEqualTo(2);
    assertThat(defines).containsKey("n");
  }

  @Test
  void anIncludeThroughOtherFunctionsIsAWildcard() throws Exception {
    List<Parser.Node> nodes =
        Parser.parse("{{ include \"n\" . | quote }}{{ include \"n\" . | trim }}", new HashMap<>());
    assertThat(nodes).allMatch(n -> n instanceof Parser.Output);
  }
}
