package io.chartlint.core.rule;

/**
 * Where a finding is.
 *
 * @param file the file to annotate: the manifest, or for a rendered chart the template on disk,
 *     relative to the working directory
 * @param line the 1-based line in that file
 * @param column the 1-based column, or 0 when unknown
 * @param template the {@code # Source:} path of the document, or null
 * @param rendered for a rendered chart, the line in the rendered stream; otherwise null
 */
public record Location(String file, int line, int column, String template, Integer rendered) {}
