package io.chartlint.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * A directory of manifests with Ant-style include and exclude patterns, as Maven's own file sets
 * take them ({@code **}{@code /*.yaml}, {@code legacy/**}). Patterns are relative to the directory
 * and use {@code /} on every platform.
 */
public class ManifestSet {

  static final List<String> DEFAULT_INCLUDES = List.of("**/*.yaml", "**/*.yml", "**/*.json");

  private File directory;
  private List<String> includes = new ArrayList<>();
  private List<String> excludes = new ArrayList<>();

  public ManifestSet() {}

  ManifestSet(File directory, List<String> includes, List<String> excludes) {
    this.directory = directory;
    this.includes = new ArrayList<>(includes);
    this.excludes = new ArrayList<>(excludes);
  }

  /**
   * Lets {@code -Dchartlint.manifests=deploy,k8s} name directories: Maven calls this for each
   * comma-separated value of the property.
   */
  public void set(String directoryName) {
    this.directory = new File(directoryName);
  }

  public File getDirectory() {
    return directory;
  }

  public void setDirectory(File directory) {
    this.directory = directory;
  }

  public List<String> getIncludes() {
    return includes;
  }

  public void setIncludes(List<String> includes) {
    this.includes = includes == null ? new ArrayList<>() : includes;
  }

  public List<String> getExcludes() {
    return excludes;
  }

  public void setExcludes(List<String> excludes) {
    this.excludes = excludes == null ? new ArrayList<>() : excludes;
  }

  /** The directory, resolved against the project's base directory. */
  Path root(Path baseDir) {
    if (directory == null) {
      return baseDir;
    }
    Path dir = directory.toPath();
    return dir.isAbsolute() ? dir : baseDir.resolve(dir);
  }

  /**
   * The files of this set, in path order. Hidden directories are not entered, as the command line
   * does not enter them. A missing directory has no files.
   */
  List<Path> files(Path baseDir) {
    Path root = root(baseDir).normalize();
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<PathMatcher> in = matchers(includes.isEmpty() ? DEFAULT_INCLUDES : includes);
    List<PathMatcher> out = matchers(excludes);
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              Path relative = root.relativize(file);
              if (attrs.isRegularFile() && matches(in, relative) && !matches(out, relative)) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    found.sort(null);
    return found;
  }

  private static boolean matches(List<PathMatcher> matchers, Path relative) {
    for (PathMatcher m : matchers) {
      if (m.matches(relative)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Ant patterns as {@link PathMatcher}s. Ant's {@code **}{@code /} also matches no directory at
   * all, which a glob's does not, so each leading or inner {@code **}{@code /} is tried both ways;
   * a pattern ending in {@code /} means everything below, as in Ant.
   */
  static List<PathMatcher> matchers(List<String> patterns) {
    FileSystem fs = FileSystems.getDefault();
    List<PathMatcher> list = new ArrayList<>();
    for (String raw : patterns) {
      String pattern = raw.trim().replace('\\', '/');
      if (pattern.isEmpty()) {
        continue;
      }
      if (pattern.endsWith("/")) {
        pattern = pattern + "**";
      }
      for (String variant : variants(pattern)) {
        list.add(fs.getPathMatcher("glob:" + variant));
      }
    }
    return list;
  }

  private static List<String> variants(String pattern) {
    List<String> result = new ArrayList<>();
    result.add("");
    int from = 0;
    while (true) {
      int at = pattern.indexOf("**/", from);
      while (at > 0 && pattern.charAt(at - 1) != '/') {
        at = pattern.indexOf("**/", at + 1);
      }
      String literal = at < 0 ? pattern.substring(from) : pattern.substring(from, at);
      List<String> next = new ArrayList<>();
      for (String prefix : result) {
        next.add(prefix + literal + (at < 0 ? "" : "**/"));
        if (at >= 0) {
          next.add(prefix + literal);
        }
      }
      result = next;
      if (at < 0) {
        return result;
      }
      from = at + 3;
    }
  }
}
