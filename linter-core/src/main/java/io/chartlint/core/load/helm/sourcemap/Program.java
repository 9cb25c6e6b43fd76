package io.chartlint.core.load.helm.sourcemap;

import io.chartlint.core.load.helm.sourcemap.Parser.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A template compiled into a nondeterministic automaton over the characters it can write: literal
 * characters must match exactly, an action matches any text, branches are alternatives, a range
 * body repeats, and an {@code include} of a named template is that template's body (indented as its
 * pipeline says) or, failing that, any text.
 *
 * <p>States are numbered in the order the template writes them, so a smaller state comes earlier in
 * the output.
 */
final class Program {
  static final byte CHAR = 0;
  static final byte WILD = 1;
  static final byte SPLIT = 2;
  static final byte JUMP = 3;

  /** The end of the template: writes nothing more, and a document may end there. */
  static final byte END = 4;

  /** How deep includes expand; deeper calls stay wildcards (Helm itself stops at 1000). */
  static final int MAX_DEPTH = 12;

  /** How many states one template may compile to before further includes stay wildcards. */
  static final int MAX_STATES = 4_000_000;

  /**
   * Where an action sits, and its text; {@code multiline} when it calls a function that writes
   * lines ({@code toYaml}, {@code include}, {@code nindent} ...), where other actions write a value
   * on one line unless the value itself holds line breaks.
   */
  record Site(int file, int start, String text, boolean multiline) {}

  private static final java.util.regex.Pattern MULTILINE =
      java.util.regex.Pattern.compile(
          "\\b(?:toYaml|toJson|toPrettyJson|toRawJson|toToml|mustToYaml|mustToJson|include"
              + "|template|tpl|n?indent|Files|printf?|println|cat|join|replace|b64dec|fromYaml)\\b");

  /** One step of an include chain: the call site, and the chain it was called from. */
  record Chain(int parent, int site) {}

  byte[] kind = new byte[1024];
  char[] ch = new char[1024];
  int[] target = new int[1024];
  int[] file = new int[1024];
  int[] offset = new int[1024];
  int[] chain = new int[1024];
  boolean[] docStart = new boolean[1024];

  /** Literal characters that are the first of their template line other than white space. */
  boolean[] lineStart = new boolean[1024];

  private int[] starts;
  int size;

  final List<Site> sites = new ArrayList<>();
  final List<Chain> chains = new ArrayList<>();

  /** Includes that could not be expanded (depth or size bound, unknown name). */
  int unexpanded;

  private final Templates templates;
  private boolean atDocStart = true;

  private Program(Templates templates) {
    this.templates = templates;
    chains.add(new Chain(-1, -1));
  }

  /** Compiles the template at index {@code fileIndex} of {@code templates}. */
  static Program compile(Templates templates, int fileIndex) {
    Program p = new Program(templates);
    p.emitAll(templates.nodes(fileIndex), fileIndex, 0, 0, 0);
    p.add(END, fileIndex, templates.source(fileIndex).length(), 0);
    return p;
  }

  private void emitAll(List<Node> nodes, int fileIndex, int indent, int chainId, int depth) {
    for (Node node : nodes) {
      emit(node, fileIndex, indent, chainId, depth);
    }
  }

  private void emit(Node node, int fileIndex, int indent, int chainId, int depth) {
    if (node instanceof Parser.Text t) {
      text(t, fileIndex, indent, chainId);
    } else if (node instanceof Parser.Output o) {
      wild(site(fileIndex, o.action()), chainId);
    } else if (node instanceof Parser.Call c) {
      call(c, fileIndex, indent, chainId, depth);
    } else if (node instanceof Parser.Choice c) {
      choice(c.branches(), fileIndex, indent, chainId, depth);
    } else if (node instanceof Parser.Loop l) {
      loop(l, fileIndex, indent, chainId, depth);
    } else if (node instanceof Parser.Block b) {
      Templates.Defined defined = templates.define(fileIndex, b.name());
      if (defined != null && defined.body() != b.body()) {
        call(new Parser.Call(b.action(), b.name(), false, 0), fileIndex, indent, chainId, depth);
      } else {
        emitAll(b.body(), fileIndex, indent, chainId, depth);
      }
    }
  }

  private void text(Parser.Text t, int fileIndex, int indent, int chainId) {
    String src = templates.source(fileIndex);
    for (int i = t.start(); i < t.end(); i++) {
      char c = src.charAt(i);
      int s = add(CHAR, fileIndex, i, chainId);
      ch[s] = c;
      if (!Lexer.isSpace(c)) {
        if (atDocStart) {
          docStart[s] = true;
        }
        atDocStart = false;
        int before = i - 1;
        while (before >= 0 && (src.charAt(before) == ' ' || src.charAt(before) == '\t')) {
          before--;
        }
        lineStart[s] = before < 0 || src.charAt(before) == '\n';
      } else if (c == '\n') {
        if (separatorBefore(src, i, t.start())) {
          atDocStart = true;
        }
        for (int k = 0; k < indent; k++) {
          int pad = add(CHAR, fileIndex, i, chainId);
          ch[pad] = ' ';
        }
      }
    }
    // "---" whose newline a trim marker removed ({{- end }}\n---\n{{- if }}) still separates
    if (t.end() > t.start() && separatorBefore(src, t.end(), t.start())) {
      atDocStart = true;
    }
  }

  /**
   * Whether the text of a token's line that ends at {@code newline} is a document separator {@code
   * ---}.
   */
  private static boolean separatorBefore(String src, int newline, int textStart) {
    int lineStart = Math.max(textStart, src.lastIndexOf('\n', newline - 1) + 1);
    String line = src.substring(lineStart, newline).stripTrailing();
    return line.equals("---") || line.startsWith("--- ");
  }

  private int site(int fileIndex, Parser.Action action) {
    sites.add(
        new Site(
            fileIndex, action.start(), action.text(), MULTILINE.matcher(action.text()).find()));
    return sites.size() - 1;
  }

  private void wild(int siteIndex, int chainId) {
    Site site = sites.get(siteIndex);
    int s = add(WILD, site.file(), site.start(), chainId);
    target[s] = siteIndex;
    if (atDocStart) {
      docStart[s] = true;
    }
    atDocStart = false;
  }

  private void call(Parser.Call c, int fileIndex, int indent, int chainId, int depth) {
    int siteIndex = site(fileIndex, c.action());
    Templates.Defined defined = templates.define(fileIndex, c.name());
    if (defined == null || depth >= MAX_DEPTH || size >= MAX_STATES) {
      unexpanded++;
      wild(siteIndex, chainId);
      return;
    }
    boolean startFlag = atDocStart;
    // the expansion, or any text when the expansion does not match what was written
    int split = add(SPLIT, fileIndex, c.action().start(), chainId);
    chains.add(new Chain(chainId, siteIndex));
    int inner = chains.size() - 1;
    int bodyIndent = indent + c.indent();
    if (c.newline()) {
      int nl = add(CHAR, fileIndex, c.action().start(), chainId);
      ch[nl] = '\n';
      for (int k = 0; k < bodyIndent; k++) {
        int pad = add(CHAR, fileIndex, c.action().start(), chainId);
        ch[pad] = ' ';
      }
    } else {
      for (int k = 0; k < c.indent(); k++) {
        int pad = add(CHAR, fileIndex, c.action().start(), chainId);
        ch[pad] = ' ';
      }
    }
    boolean saved = atDocStart;
    emitAll(defined.body(), defined.file(), bodyIndent, inner, depth + 1);
    boolean afterBody = atDocStart;
    int jump = add(JUMP, fileIndex, c.action().start(), chainId);
    target[split] = size;
    atDocStart = startFlag;
    wild(siteIndex, chainId);
    target[jump] = size;
    atDocStart = afterBody && saved;
  }

  private void choice(
      List<List<Node>> branches, int fileIndex, int indent, int chainId, int depth) {
    boolean start = atDocStart;
    boolean any = false;
    List<Integer> jumps = new ArrayList<>();
    for (int b = 0; b < branches.size(); b++) {
      atDocStart = start;
      int split = -1;
      if (b < branches.size() - 1) {
        split = add(SPLIT, fileIndex, -1, chainId);
      }
      emitAll(branches.get(b), fileIndex, indent, chainId, depth);
      any |= atDocStart;
      if (split >= 0) {
        jumps.add(add(JUMP, fileIndex, -1, chainId));
        target[split] = size;
      }
    }
    for (int j : jumps) {
      target[j] = size;
    }
    atDocStart = any;
  }

  private void loop(Parser.Loop l, int fileIndex, int indent, int chainId, int depth) {
    boolean start = atDocStart;
    int enter = add(SPLIT, fileIndex, -1, chainId);
    int body = size;
    emitAll(l.body(), fileIndex, indent, chainId, depth);
    boolean afterBody = atDocStart;
    int again = add(SPLIT, fileIndex, -1, chainId);
    target[again] = body;
    int skipElse = add(JUMP, fileIndex, -1, chainId);
    target[enter] = size;
    atDocStart = start;
    emitAll(l.orElse(), fileIndex, indent, chainId, depth);
    target[skipElse] = size;
    atDocStart = afterBody || atDocStart;
  }

  /** The states where a document may start: documents' starts, then literal line starts. */
  synchronized int[] starts() {
    if (starts == null) {
      starts =
          java.util.stream.IntStream.range(0, size)
              .filter(s -> docStart[s] || lineStart[s])
              .toArray();
    }
    return starts;
  }

  private int add(byte k, int fileIndex, int off, int chainId) {
    if (size == kind.length) {
      int n = size * 2;
      kind = Arrays.copyOf(kind, n);
      ch = Arrays.copyOf(ch, n);
      target = Arrays.copyOf(target, n);
      file = Arrays.copyOf(file, n);
      offset = Arrays.copyOf(offset, n);
      chain = Arrays.copyOf(chain, n);
      docStart = Arrays.copyOf(docStart, n);
      lineStart = Arrays.copyOf(lineStart, n);
    }
    kind[size] = k;
    file[size] = fileIndex;
    offset[size] = off;
    chain[size] = chainId;
    return size++;
  }
}
