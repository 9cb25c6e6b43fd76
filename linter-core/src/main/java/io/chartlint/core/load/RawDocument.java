package io.chartlint.core.load;

/**
 * One document of a stream, cut at its {@code ---} marker before parsing, so that a broken document
 * cannot hide the ones after it.
 *
 * @param index the 0-based position of the document in its stream
 * @param firstLine the 1-based line of the stream on which the document's text starts
 * @param text the document's text, or null when it exceeded the size limit or is not UTF-8
 * @param lineCount how many lines the document spans
 * @param sourceTemplate the template named by a {@code # Source:} comment, or null
 * @param problem what went wrong reading the text itself (size, encoding), or null
 */
public record RawDocument(
    int index,
    int firstLine,
    String text,
    int lineCount,
    String sourceTemplate,
    LoadProblem problem) {}
