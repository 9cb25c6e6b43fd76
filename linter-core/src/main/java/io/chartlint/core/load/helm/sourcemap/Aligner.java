package io.chartlint.core.load.helm.sourcemap;

import java.util.Arrays;

/**
 * Aligns one rendered document with a compiled template: finds the path through the automaton that
 * writes the document's text while letting actions write as little as possible, and says which
 * state wrote each character.
 *
 * <p>The search runs forward over the document's characters, keeping for each live state only its
 * cheapest way there (a shortest path over positions × states, never backtracking), so its cost is
 * bounded by the document's length times the states alive at once. States far more expensive than
 * the best are dropped (a beam), and a document whose search exceeds {@link #BUDGET} state visits
 * is given up, which the caller counts as a fallback.
 */
final class Aligner {
  /** The cost of one character written by an action, in units that leave room for tie-breaks. */
  static final long WILD_COST = 1024;

  /**
   * A line break written by an action that calls no function writing lines: possible (a value may
   * hold line breaks) but unlikely, so a multi-line action or literal text is preferred.
   */
  static final long LINE_BREAK_COST = 64 * WILD_COST;

  /** Entering the template anywhere but at the start of a document. */
  static final long ANYWHERE_COST = 64 * WILD_COST;

  /** States costlier than the cheapest by more than this are dropped. */
  static final long BEAM = 1000 * WILD_COST;

  /** At most this many live states per character; the cheapest are kept. */
  static final int WIDTH = 5_000;

  /** State visits per document before it falls back. */
  static final long BUDGET = 12_000_000;

  private static final int INDEX_BITS = 24;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

  private final Program p;
  private final int[] stamp;
  private int epoch;

  // the layers of live states, one per position, in one growing pair of arrays
  private int[] states = new int[4096];
  private int[] backs = new int[4096];
  private int used;

  // the current layer's costs, parallel to the states of its layer
  private long[] costs = new long[1024];

  // sources waiting for closure
  private int[] srcState = new int[1024];
  private long[] srcCost = new long[1024];
  private int[] srcBack = new int[1024];
  private int srcCount;

  Aligner(Program program) {
    this.p = program;
    this.stamp = new int[program.size + 1];
  }

  /**
   * The state that wrote each character of {@code text}, or null when the document cannot be
   * aligned within the budget.
   *
   * @param after documents of this template already placed start at or before this state; a
   *     document is preferably placed after them (two documents of the same shape in one template
   *     map to the first and second it writes), or -1
   */
  int[] align(String text, int after) {
    used = 0;
    int n = text.length();
    int[] layerStart = new int[n + 2];
    srcCount = 0;
    char first = n == 0 ? 0 : text.charAt(0);
    int rankAfter = 0;
    int rankBefore = 0;
    for (int s : p.starts()) {
      byte k = p.kind[s];
      if (k == Program.CHAR && p.ch[s] != first) {
        continue;
      }
      if (p.docStart[s]) {
        long rank = s > after ? rankAfter++ : 512 + rankBefore++;
        push(s, Math.min(rank, WILD_COST - 1), -1);
      } else if (k == Program.CHAR) {
        // a line of literal text where no document starts: rarely right, but it keeps a
        // document aligned when the template starts it in a way not recognised as a start
        push(s, ANYWHERE_COST, -1);
      }
    }
    layerStart[0] = 0;
    if (!closure(-1)) {
      return null;
    }
    layerStart[1] = used;
    long visits = used;
    for (int pos = 0; pos < n; pos++) {
      char c = text.charAt(pos);
      int from = layerStart[pos];
      int to = layerStart[pos + 1];
      srcCount = 0;
      for (int i = from; i < to; i++) {
        int s = states[i];
        long cost = costs[i - from];
        if (p.kind[s] == Program.CHAR) {
          if (p.ch[s] == c) {
            push(s + 1, cost, i);
          }
        } else if (p.kind[s] == Program.WILD) {
          boolean breaksLine = c == '\n' && !p.sites.get(p.target[s]).multiline();
          push(s, cost + (breaksLine ? LINE_BREAK_COST : WILD_COST), i);
        }
      }
      if (srcCount == 0 || !closure(pos)) {
        return null;
      }
      layerStart[pos + 2] = used;
      visits += used - to;
      if (visits > BUDGET) {
        return null;
      }
    }
    // the end: the cheapest live state; a document may end anywhere in its template
    int from = layerStart[n];
    int to = layerStart[n + 1];
    int best = -1;
    for (int i = from; i < to; i++) {
      if (best < 0 || costs[i - from] < costs[best - from]) {
        best = i;
      }
    }
    if (best < 0) {
      return null;
    }
    int[] writer = new int[n];
    int at = best;
    for (int pos = n - 1; pos >= 0; pos--) {
      at = backs[at];
      writer[pos] = states[at];
    }
    return writer;
  }

  private void push(int state, long cost, int back) {
    if (srcCount == srcState.length) {
      int size = srcCount * 2;
      srcState = Arrays.copyOf(srcState, size);
      srcCost = Arrays.copyOf(srcCost, size);
      srcBack = Arrays.copyOf(srcBack, size);
    }
    srcState[srcCount] = state;
    srcCost[srcCount] = cost;
    srcBack[srcCount] = back;
    srcCount++;
  }

  /**
   * Follows the empty transitions from the pending sources, cheapest first, and appends the
   * consuming states reached as the next layer, pruned to the beam; false when none is reached.
   */
  private boolean closure(int pos) {
    // cheapest first: costs in the high bits, the source's index in the low ones
    long[] order = new long[srcCount];
    for (int i = 0; i < srcCount; i++) {
      order[i] = (srcCost[i] << INDEX_BITS) | i;
    }
    Arrays.sort(order);
    epoch++;
    int layer = used;
    long min = srcCount == 0 ? 0 : srcCost[(int) (order[0] & INDEX_MASK)];
    int[] stack = new int[16];
    for (long packed : order) {
      int o = (int) (packed & INDEX_MASK);
      long cost = srcCost[o];
      if (cost > min + BEAM || used - layer >= WIDTH) {
        break;
      }
      int back = srcBack[o];
      int top = 0;
      stack[top++] = srcState[o];
      while (top > 0) {
        int s = stack[--top];
        if (stamp[s] == epoch) {
          continue;
        }
        stamp[s] = epoch;
        if (s >= p.size) {
          continue; // the end of the template: nothing more to write
        }
        if (top + 2 >= stack.length) {
          stack = Arrays.copyOf(stack, stack.length * 2);
        }
        switch (p.kind[s]) {
          case Program.CHAR, Program.END -> append(s, cost, back, layer);
          case Program.WILD -> {
            append(s, cost, back, layer);
            stack[top++] = s + 1;
          }
          case Program.SPLIT -> {
            stack[top++] = p.target[s];
            stack[top++] = s + 1; // taken first: the branch as written comes before the rest
          }
          default -> stack[top++] = p.target[s];
        }
      }
    }
    return used > layer;
  }

  private void append(int state, long cost, int back, int layer) {
    if (used == states.length) {
      int size = used * 2;
      states = Arrays.copyOf(states, size);
      backs = Arrays.copyOf(backs, size);
    }
    int i = used - layer;
    if (i == costs.length) {
      costs = Arrays.copyOf(costs, i * 2);
    }
    states[used] = state;
    backs[used] = back;
    costs[i] = cost;
    used++;
  }
}
