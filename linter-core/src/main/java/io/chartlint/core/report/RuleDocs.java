package io.chartlint.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartlint.core.rule.RuleDescriptor;
import io.chartlint.core.rule.RuleSet;

/**
 * The rule catalogue as documents: the pages under {@code docs/rules/}, the {@code chartlint rules}
 * listings and {@code chartlint explain}. Generated from the rules' metadata and explanations,
 * never written by hand.
 */
public final class RuleDocs {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RuleDocs() {}

  /** The page of one rule, as {@code docs/rules/<id>.md} and {@code chartlint explain} show it. */
  public static String page(RuleDescriptor rule) {
    StringBuilder s = new StringBuilder();
    s.append("# ").append(rule.id()).append("\n\n");
    s.append(rule.summary()).append(".\n\n");
    s.append("| default severity | category | since |\n|---|---|---|\n");
    s.append("| ")
        .append(rule.defaultSeverity().id())
        .append(" | ")
        .append(rule.category())
        .append(" | ")
        .append(rule.since())
        .append(" |\n\n");
    s.append(rule.explanation()).append("\n\n");
    if (rule.rule() instanceof Describable describable
        && !describable.detailsMarkdown().isEmpty()) {
      s.append(describable.detailsMarkdown().strip()).append("\n\n");
    }
    s.append("## Configuration\n\n```yaml\nrules:\n  ")
        .append(rule.id())
        .append(": {enabled: true, severity: ")
        .append(rule.defaultSeverity().id())
        .append("}\n```\n\n");
    s.append("Suppress one object with the annotation `chartlint.io/ignore: \"")
        .append(rule.id())
        .append("\"`, or one line with the comment `# chartlint:ignore ")
        .append(rule.id())
        .append(" <reason>`.\n");
    return s.toString();
  }

  /** {@code docs/rules/README.md}: a table of every rule. */
  public static String index(RuleSet rules) {
    StringBuilder s = new StringBuilder("# Rules\n\n");
    s.append("Generated from the rules themselves; `chartlint rules` prints the same list.\n\n");
    s.append("| id | category | default | summary |\n|---|---|---|---|\n");
    for (RuleDescriptor rule : rules.all()) {
      s.append("| ")
          .append(rule.docsPath() == null ? rule.id() : "[" + rule.id() + "](" + rule.id() + ".md)")
          .append(" | ")
          .append(rule.category())
          .append(" | ")
          .append(rule.defaultSeverity().id())
          .append(" | ")
          .append(rule.summary())
          .append(" |\n");
    }
    return s.toString();
  }

  /** {@code chartlint rules}: one rule a line. */
  public static String text(RuleSet rules) {
    int width = rules.all().stream().mapToInt(r -> r.id().length()).max().orElse(10);
    StringBuilder s = new StringBuilder();
    for (RuleDescriptor rule : rules.all()) {
      s.append(
          String.format(
              "%-" + width + "s  %-7s  %-11s  %s%n",
              rule.id(),
              rule.defaultSeverity().id(),
              rule.category(),
              rule.summary()));
    }
    return s.toString();
  }

  /** {@code chartlint rules --format json}. */
  public static ObjectNode json(RuleSet rules, String version) {
    ObjectNode root = MAPPER.createObjectNode();
    root.putObject("tool").put("name", "chartlint").put("version", version);
    ArrayNode list = root.putArray("rules");
    for (RuleDescriptor rule : rules.all()) {
      ObjectNode node = list.addObject();
      node.put("id", rule.id());
      node.put("summary", rule.summary());
      node.put("severity", rule.defaultSeverity().id());
      node.put("category", rule.category());
      node.put("since", rule.since());
      if (rule.docsPath() != null) {
        node.put("documentation", ReportContext.DOCS_BASE + rule.docsPath());
      }
      if (rule.rule() instanceof Describable describable) {
        node.set("details", describable.details());
      }
    }
    return root;
  }

  /** A rule with data worth listing, such as the virtual node types it checks. */
  public interface Describable {
    ObjectNode details();

    /** The same data as a Markdown section for the rule's page, or empty. */
    default String detailsMarkdown() {
      return "";
    }
  }
}
