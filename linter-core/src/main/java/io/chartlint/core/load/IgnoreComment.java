package io.chartlint.core.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code # chartlint:ignore rule-a,rule-b reason} comment. It suppresses findings of those rules
 * (or of every rule, with {@code *}) on its own line and on the line below it. Comments survive
 * {@code helm template}, so the comment works in chart templates too.
 *
 * @param line the 1-based line of the comment in the stream
 * @param rules the rule ids, or {@code *}
 * @param reason the text after the rule list, possibly empty
 */
public record IgnoreComment(int line, Set<String> rules, String reason) {
  private static final Pattern DIRECTIVE =
      Pattern.compile("(?:^|\\s)#\\s*chartlint:ignore(?:\\s+([^\\s]+))?(?:\\s+(.*))?$");

  public boolean covers(String ruleId, int findingLine) {
    return (findingLine == line || findingLine == line + 1)
        && (rules.contains("*") || rules.contains(ruleId));
  }

  /** Finds the directives in a document's text, whose first line is {@code firstLine}. */
  public static List<IgnoreComment> scan(String text, int firstLine) {
    List<IgnoreComment> found = new ArrayList<>();
    if (text == null || !text.contains("chartlint:ignore")) {
      return found;
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].contains("chartlint:ignore")) {
        continue;
      }
      Matcher m = DIRECTIVE.matcher(lines[i]);
      if (m.find()) {
        Set<String> rules = new LinkedHashSet<>();
        String list = m.group(1) == null ? "*" : m.group(1);
        for (String id : list.split(",")) {
          if (!id.isBlank()) {
            rules.add(id.strip());
          }
        }
        found.add(
            new IgnoreComment(firstLine + i, rules, m.group(2) == null ? "" : m.group(2).strip()));
      }
    }
    return found;
  }
}
