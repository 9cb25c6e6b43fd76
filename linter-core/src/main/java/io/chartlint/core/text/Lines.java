package io.chartlint.core.text;

import java.util.ArrayList;
import java.util.List;

/** Where the lines of a text begin. */
public final class Lines {
  private Lines() {}

  /** The offset of each line's first character: 0, then one past every {@code \n}. */
  public static int[] starts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
