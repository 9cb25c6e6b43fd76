package io.chartlint.core.inventory;

import java.util.ArrayDeque;
import java.util.Deque;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A YAML event stream with the parts that {@link Fields} do not keep left out, for SnakeYAML's
 * composer to build a tree of only what is read. A skipped key goes with its whole value; the
 * events of skipped values are read and dropped, one at a time, so a skipped part costs no memory
 * however large it is.
 */
final class FieldFilter implements Parser {
  /** Why the filter stopped reading, at a line. */
  enum Reason {
    /**
     * An alias names an anchor inside a part that was skipped, so the value it stands for was never
     * composed.
     */
    SKIPPED_ANCHOR,
    /**
     * A skipped value is nested deeper than the limit. SnakeYAML's composer enforces the limit on
     * what it builds; what is skipped never reaches it, and its scanner slows down with every level
     * of flow nesting, so the limit holds here too.
     */
    TOO_DEEP
  }

  /** The filter stopped reading the file. */
  static final class StoppedException extends RuntimeException {
    private final Reason reason;
    private final int line;

    StoppedException(Reason reason, int line) {
      super(null, null, false, false);
      this.reason = reason;
      this.line = line;
    }

    Reason reason() {
      return reason;
    }

    /** The 0-based line of the alias, or where the limit was crossed. */
    int line() {
      return line;
    }
  }

  /** An open mapping or sequence: the fields of its children, and for a mapping where it is. */
  private static final class Frame {
    final boolean mapping;
    final Fields fields;
    boolean atKey = true;
    Fields valueFields;

    Frame(boolean mapping, Fields fields) {
      this.mapping = mapping;
      this.fields = fields;
    }
  }

  private final Parser source;
  private final Fields documentFields;
  private final int maxDepth;
  private final Deque<Frame> open = new ArrayDeque<>();
  private final java.util.Set<String> skippedAnchors = new java.util.HashSet<>();
  private Event next;
  private boolean aliases;
  private int line;

  /**
   * @param source the whole stream's events
   * @param documentFields what is kept of each document's root
   * @param maxDepth how deeply collections may nest, skipped ones included
   */
  FieldFilter(Parser source, Fields documentFields, int maxDepth) {
    this.source = source;
    this.documentFields = documentFields;
    this.maxDepth = maxDepth;
  }

  /** Whether an alias was kept: then a value of the tree may be shared. */
  boolean sawAlias() {
    return aliases;
  }

  /** The 0-based line of the last event read, for an error the reader gives no position for. */
  int line() {
    return line;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    Event event = peekEvent();
    return event != null && event.is(choice);
  }

  @Override
  public Event peekEvent() {
    if (next == null) {
      next = produce();
    }
    return next;
  }

  @Override
  public Event getEvent() {
    Event event = peekEvent();
    next = null;
    return event;
  }

  private Event read() {
    Event event = source.getEvent();
    if (event != null && event.getStartMark() != null) {
      line = event.getStartMark().getLine();
    }
    return event;
  }

  private Event produce() {
    while (true) {
      Event event = read();
      if (event == null) {
        return null;
      }
      if (event.is(Event.ID.DocumentStart)) {
        skippedAnchors.clear(); // anchors are per document
      }
      Frame top = open.peek();
      if (top != null && top.mapping && top.atKey) {
        if (event.is(Event.ID.MappingEnd)) {
          open.pop();
          return event;
        }
        Fields value =
            event instanceof ScalarEvent key
                ? top.fields.child(key.getValue(), key.isPlain() && key.getTag() == null)
                : top.fields.child(null, false);
        if (value == null) {
          skip(event);
          skip(read());
          continue;
        }
        top.atKey = false;
        top.valueFields = value;
        return enter(event, Fields.ALL);
      }
      if (top != null && !top.mapping && event.is(Event.ID.SequenceEnd)) {
        open.pop();
        return event;
      }
      if (!isNode(event)) {
        return event; // stream and document start and end
      }
      Fields fields;
      if (top == null) {
        fields = documentFields;
      } else if (top.mapping) {
        fields = top.valueFields;
        top.atKey = true;
      } else {
        fields = top.fields;
      }
      return enter(event, fields);
    }
  }

  /** Passes a kept node's first event on, opening a frame when it starts a collection. */
  private Event enter(Event event, Fields fields) {
    if (event instanceof NodeEvent node
        && !(event instanceof AliasEvent)
        && node.getAnchor() != null) {
      skippedAnchors.remove(node.getAnchor()); // a later anchor of the same name replaces it
    }
    if (event.is(Event.ID.MappingStart)) {
      open.push(new Frame(true, fields));
    } else if (event.is(Event.ID.SequenceStart)) {
      open.push(new Frame(false, fields));
    } else if (event instanceof AliasEvent alias) {
      if (skippedAnchors.contains(alias.getAnchor())) {
        throw new StoppedException(Reason.SKIPPED_ANCHOR, line);
      }
      aliases = true;
    }
    return event;
  }

  private static boolean isNode(Event event) {
    return event.is(Event.ID.Scalar)
        || event.is(Event.ID.Alias)
        || event.is(Event.ID.MappingStart)
        || event.is(Event.ID.SequenceStart);
  }

  /** Reads past the node that starts with this event, remembering the anchors it defines. */
  private void skip(Event first) {
    int depth = 0;
    Event event = first;
    while (event != null) {
      if (event instanceof NodeEvent node
          && !(event instanceof AliasEvent)
          && node.getAnchor() != null) {
        skippedAnchors.add(node.getAnchor());
      }
      if (event.is(Event.ID.MappingStart) || event.is(Event.ID.SequenceStart)) {
        depth++;
        if (open.size() + depth > maxDepth) {
          throw new StoppedException(Reason.TOO_DEEP, line);
        }
      } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
        depth--;
      }
      if (depth == 0) {
        return;
      }
      event = read();
    }
  }
}
