package io.chartlint.core.report;

import io.chartlint.core.rule.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Identities of findings that survive edits elsewhere in a file: a hash of the rule, the object,
 * the field path and the file, never the line. Code scanning and GitLab match findings across
 * commits by them, so a finding that only moved is not reported as fixed and new again.
 */
final class Fingerprints {
  private Fingerprints() {}

  /** The identity of each finding, in the order given. */
  static List<String> of(List<Finding> findings) {
    List<String> list = new ArrayList<>(findings.size());
    Map<String, Integer> seen = new HashMap<>();
    for (Finding f : findings) {
      String key = key(f);
      // Two findings with one identity (two syntax errors in one file) must still differ: GitLab
      // drops all but one finding of a fingerprint. Counting them in file order keeps the first
      // one's fingerprint when a later one is fixed.
      int n = seen.merge(key, 1, Integer::sum);
      list.add(sha256(n == 1 ? key : key + "\u0000" + n));
    }
    return list;
  }

  /**
   * The identities of findings given one by one, in the order of the list they were built from,
   * without a map of every key: a first pass finds the few keys that repeat (by a 64-bit hash in a
   * sorted array, 8 bytes a finding), and only those are counted. A hash collision only costs a map
   * entry, since counts are kept by the full key.
   */
  static final class Sequence {
    private final long[] repeated;
    private final Map<String, Integer> seen = new HashMap<>();

    Sequence(List<Finding> findings) {
      long[] hashes = new long[findings.size()];
      for (int i = 0; i < hashes.length; i++) {
        hashes[i] = hash64(key(findings.get(i)));
      }
      java.util.Arrays.sort(hashes);
      int n = 0;
      for (int i = 1; i < hashes.length; i++) {
        if (hashes[i] == hashes[i - 1] && (n == 0 || hashes[n - 1] != hashes[i])) {
          hashes[n++] = hashes[i];
        }
      }
      repeated = java.util.Arrays.copyOf(hashes, n);
    }

    String next(Finding f) {
      String key = key(f);
      if (java.util.Arrays.binarySearch(repeated, hash64(key)) < 0) {
        return sha256(key);
      }
      int n = seen.merge(key, 1, Integer::sum);
      return sha256(n == 1 ? key : key + "\u0000" + n);
    }

    private static long hash64(String s) {
      long h = 0xcbf29ce484222325L; // FNV-1a
      for (int i = 0; i < s.length(); i++) {
        h ^= s.charAt(i);
        h *= 0x100000001b3L;
      }
      return h;
    }
  }

  /**
   * The identities of suppressed findings listed after the reported ones: counted on from the
   * reported findings of the same key, as {@link #of} counts a list holding both.
   */
  static List<String> ofSuppressed(List<Finding> reported, List<Finding> suppressed) {
    java.util.Set<String> files = new java.util.HashSet<>();
    suppressed.forEach(f -> files.add(f.location().file()));
    Map<String, Integer> seen = new HashMap<>();
    for (Finding f : reported) {
      if (files.contains(f.location().file())) {
        seen.merge(key(f), 1, Integer::sum);
      }
    }
    List<String> list = new ArrayList<>(suppressed.size());
    for (Finding f : suppressed) {
      String key = key(f);
      int n = seen.merge(key, 1, Integer::sum);
      list.add(sha256(n == 1 ? key : key + "\u0000" + n));
    }
    return list;
  }

  static String key(Finding f) {
    StringBuilder s = new StringBuilder();
    s.append(f.ruleId()).append('\u0000');
    if (f.resource() != null) {
      s.append(f.resource().kind())
          .append('/')
          .append(f.resource().namespace() == null ? "" : f.resource().namespace())
          .append('/')
          .append(f.resource().name());
    }
    s.append('\u0000').append(f.identityPath() == null ? "" : f.identityPath());
    s.append('\u0000').append(f.location().file());
    return s.toString();
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
