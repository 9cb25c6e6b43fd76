package io.chartlint.core.load;

/**
 * The safety limits of the loader. Each one, when exceeded, becomes a {@code yaml-syntax} finding
 * for the document concerned; the other documents are still read.
 *
 * @param maxDocumentChars characters in one document (a larger one is skipped unread)
 * @param maxNestingDepth nested collections in one document
 * @param maxAliasesForCollections aliases to mappings and sequences in one document
 * @param maxExpandedNodes nodes in one document once every alias is expanded (billion laughs)
 */
public record LoadLimits(
    int maxDocumentChars,
    int maxNestingDepth,
    int maxAliasesForCollections,
    long maxExpandedNodes) {

  /**
   * The defaults: 8 MiB per document (the API server refuses requests above 3 MiB, so no real
   * manifest comes near it), 100 levels, 100 aliases, one million expanded nodes.
   */
  public static final LoadLimits DEFAULTS = new LoadLimits(8 * 1024 * 1024, 100, 100, 1_000_000);
}
