package io.chartlint.core.load.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of a chart whose templates call {@code pick (dict)} where they called {@code lookup}.
 *
 * <p>{@code helm template} never asks a cluster: its {@code lookup} returns an empty map. The
 * embedded library renders like {@code helm install --dry-run}, whose {@code lookup} asks the
 * cluster of the process's kubeconfig, and fails where there is none. {@code pick (dict) a b c d}
 * takes the same four string arguments and returns an empty map, so the copy renders as {@code helm
 * template} renders the original, with the same file names and lines.
 */
final class LookupFreeCopy {
  private static final Pattern ACTION = Pattern.compile("\\{\\{.*?\\}\\}", Pattern.DOTALL);
  private static final Pattern LOOKUP = Pattern.compile("(?<![\\w.$\"'])lookup(?=\\s)");

  private LookupFreeCopy() {}

  /** Whether any template of the chart directory (or its unpacked subcharts) calls lookup. */
  static boolean needed(Path chart) {
    if (!Files.isDirectory(chart)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(chart, FileVisitOption.FOLLOW_LINKS)) {
      return files.filter(LookupFreeCopy::isTemplate).anyMatch(LookupFreeCopy::callsLookup);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static boolean isTemplate(Path file) {
    for (Path part : file) {
      if (part.toString().equals("templates")) {
        return Files.isRegularFile(file);
      }
    }
    return false;
  }

  private static boolean callsLookup(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.contains("lookup") && !rewrite(text).equals(text);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** Replaces {@code lookup} calls inside template actions; nothing else changes. */
  static String rewrite(String template) {
    Matcher action = ACTION.matcher(template);
    StringBuilder out = new StringBuilder();
    while (action.find()) {
      String rewritten = LOOKUP.matcher(action.group()).replaceAll("pick (dict)");
      action.appendReplacement(out, Matcher.quoteReplacement(rewritten));
    }
    action.appendTail(out);
    return out.toString();
  }

  /**
   * Copies the chart into a new temporary directory, rewriting its templates.
   *
   * @return the copy, under a directory of the same name; the caller deletes it with {@link
   *     #delete}
   */
  static Path copy(Path chart) throws IOException {
    Path root = Files.createTempDirectory("chartlint-chart-");
    Path target = root.resolve(chart.getFileName().toString());
    try (Stream<Path> files = Files.walk(chart, FileVisitOption.FOLLOW_LINKS)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(chart.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else if (isTemplate(file)) {
          Files.writeString(
              to, rewrite(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } else {
          Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      delete(target);
      throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
    }
    return target;
  }

  /** Deletes a copy made by {@link #copy} and its temporary parent. */
  static void delete(Path copy) {
    Path root = copy.getParent();
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      root.toFile().deleteOnExit();
    }
  }
}
