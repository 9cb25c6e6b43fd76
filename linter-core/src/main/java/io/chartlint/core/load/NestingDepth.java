package io.chartlint.core.load;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Where a document's collections first nest deeper than the limit. SnakeYAML's composer stops there
 * without a position; its parser, which builds no tree, still has the position.
 */
final class NestingDepth {
  private NestingDepth() {}

  /** The 0-based line of the first collection nested deeper than {@code limit}, or 0. */
  static int lineExceeding(String text, int limit) {
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(false);
    options.setCodePointLimit(Math.max(text.length(), 1) + 16);
    Parser parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
    int depth = 0;
    try {
      while (parser.peekEvent() != null) {
        Event event = parser.getEvent();
        if (event instanceof CollectionStartEvent) {
          depth++;
          if (depth > limit) {
            return event.getStartMark().getLine();
          }
        } else if (event instanceof CollectionEndEvent) {
          depth--;
        } else if (event.is(Event.ID.StreamEnd)) {
          break;
        }
      }
    } catch (YAMLException | StackOverflowError e) {
      // the composer got further than the parser: the document's first line will have to do
    }
    return 0;
  }
}
