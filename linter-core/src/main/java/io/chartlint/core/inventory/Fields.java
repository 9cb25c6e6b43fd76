package io.chartlint.core.inventory;

import java.util.Map;

/**
 * Which parts of a YAML node are kept: all of it, or the listed keys of a mapping, each with its
 * own fields. The items of a sequence get the fields of the sequence, so that {@code items} of a
 * List and the sources of a merge key ({@code <<: [*a, *b]}) are read like the mapping they stand
 * for.
 *
 * @param keys the keys kept, with the fields of their values; null when everything is kept
 */
record Fields(Map<String, Fields> keys) {
  /** Everything below is kept. */
  static final Fields ALL = new Fields(null);

  /** The merge key, which stands for the keys of the mappings it names. */
  private static final String MERGE = "<<";

  Fields {
    keys = keys == null ? null : Map.copyOf(keys);
  }

  static Fields of(Map<String, Fields> keys) {
    return new Fields(keys);
  }

  boolean all() {
    return keys == null;
  }

  /**
   * The fields of the value under a mapping key, or null when the key and its value are skipped.
   *
   * @param key the key's text when it is a plain or quoted scalar, null when it is a collection
   * @param plain whether the key is a plain scalar, which alone can be the merge key
   */
  Fields child(String key, boolean plain) {
    if (keys == null) {
      return ALL;
    }
    if (key == null) {
      return null;
    }
    if (plain && key.equals(MERGE)) {
      return this;
    }
    return keys.get(key);
  }

  /** These fields and more keys. */
  Fields with(String key, Fields fields) {
    java.util.Map<String, Fields> more = new java.util.HashMap<>(keys);
    more.put(key, fields);
    return new Fields(more);
  }
}
