package io.chartlint.core.fix;

import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** Strings written so that YAML reads them back as the same strings. */
final class Scalars {
  /** SnakeYAML's YAML 1.1 resolver; it only reads its tables, so threads may share it. */
  private static final Resolver RESOLVER = new Resolver();

  /** Safe unquoted in block and flow context alike. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

  private Scalars() {}

  /**
   * The string plain where YAML reads it as a string, else double-quoted: {@code "true"}, {@code
   * "1.0"} and {@code "y"} (a bool to the YAML reader Kubernetes uses) need quotes.
   */
  static String string(String value) {
    Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
    boolean plain =
        tag.equals(Tag.STR)
            && PLAIN.matcher(value).matches()
            && !List.of("y", "Y", "n", "N").contains(value);
    return plain ? value : YamlTextEditor.quoted(value);
  }
}
