package io.chartlint.core.load.helm.worker;

import io.chartlint.core.UsageException;
import io.chartlint.core.load.helm.ChartRenderException;
import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.HelmErrors;
import io.chartlint.core.load.helm.RenderTimeout;
import io.chartlint.core.load.helm.RenderedChart;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Renders charts in worker processes ({@link RenderWorker}), several at once, each in its own Go
 * runtime: the entry point of rendering isolation.
 *
 * <p>A worker is a JVM started from chartlint's own classpath with an {@link IsolatedEnvironment},
 * reused from chart to chart. A render that outlasts its time limit, or a worker whose memory
 * outgrows {@link #MEMORY_LIMIT_MIB}, is ended by killing the worker (Go code cannot be
 * interrupted), and the chart becomes one error that names the limit; the other charts go on in
 * other workers. Workers end with this process: this class kills them when the JVM shuts down
 * (SIGINT, SIGTERM), and each worker ends by itself when its parent is gone.
 */
public final class RenderWorkers implements AutoCloseable {
  /**
   * The system property that stops helm-java from downloading a native library. Without one for the
   * platform on the class path, helm-java's {@code RemoteJarLoader} fetches it from Maven Central
   * and loads it: a network call, and native code from outside chartlint's inputs. Every worker is
   * started with it set.
   */
  public static final String SKIP_REMOTE_JAR = "com.marcnuri.jkube-helm.skipRemoteJar";

  /** The resident memory one worker may use: the JVM, Go's heap and the chart's output. */
  public static final long MEMORY_LIMIT_MIB = 2048;

  /** The worker's Java heap: the rendered stream passes through it twice (text and frame). */
  private static final int JAVA_HEAP_MIB = 512;

  /** Go's own soft limit, well under {@link #MEMORY_LIMIT_MIB}, so its GC works harder first. */
  private static final String GO_MEMORY_LIMIT = "1536MiB";

  /** How a worker's own directory is named; a worker refuses to start in any other. */
  static final String HOME_PREFIX = "chartlint-worker-";

  /**
   * How long a worker may wait for the next chart before it is stopped. A Maven daemon, an IDE or a
   * test JVM lives long after its last chart; its idle workers (each up to {@link #JAVA_HEAP_MIB}
   * of heap plus Helm) must not live as long.
   */
  static final Duration IDLE_LIMIT = Duration.ofSeconds(60);

  private static final Object SHARED_LOCK = new Object();
  private static volatile RenderWorkers shared;

  private final int size;
  private final Semaphore slots;
  private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
  private final Set<Worker> all = ConcurrentHashMap.newKeySet();
  private final Map<String, String> environment;
  private final long memoryLimitMib;
  private final Duration idleLimit;
  private final ScheduledExecutorService reaper;
  private volatile boolean closed;

  /**
   * @param size how many charts render at once
   * @param environment the environment the workers' is made from (the process's own, or a test's)
   */
  public RenderWorkers(int size, Map<String, String> environment) {
    this(size, environment, MEMORY_LIMIT_MIB);
  }

  /**
   * @param memoryLimitMib the resident memory a worker may use
   */
  public RenderWorkers(int size, Map<String, String> environment, long memoryLimitMib) {
    this(size, environment, memoryLimitMib, IDLE_LIMIT);
  }

  RenderWorkers(
      int size, Map<String, String> environment, long memoryLimitMib, Duration idleLimit) {
    this.idleLimit = idleLimit;
    this.reaper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "chartlint-render-workers-reaper");
              t.setDaemon(true);
              return t;
            });
    long period = Math.max(50, idleLimit.toMillis() / 4);
    reaper.scheduleWithFixedDelay(this::stopIdleWorkers, period, period, TimeUnit.MILLISECONDS);
    this.size = size;
    this.slots = new Semaphore(size, true);
    this.environment = Map.copyOf(environment);
    this.memoryLimitMib = memoryLimitMib;
  }

  /**
   * The pool this process shares: one worker per core, at most four, started as charts need them
   * and killed when the JVM shuts down.
   */
  public static RenderWorkers shared() {
    RenderWorkers pool = shared;
    if (pool == null) {
      synchronized (SHARED_LOCK) {
        pool = shared;
        if (pool == null) {
          int cores = Runtime.getRuntime().availableProcessors();
          pool = new RenderWorkers(Math.max(1, Math.min(cores, 4)), System.getenv());
          RenderWorkers closing = pool;
          Runtime.getRuntime()
              .addShutdownHook(new Thread(closing::close, "chartlint-render-workers-shutdown"));
          shared = pool;
        }
      }
    }
    return pool;
  }

  /** How many charts render at once. */
  public int size() {
    return size;
  }

  /**
   * Starts a worker, if none is running, and returns the version of Helm it embeds.
   *
   * @throws IllegalStateException when the library cannot load on this platform
   */
  public String helmVersion() {
    Worker worker;
    try {
      worker = take();
    } catch (ChartRenderException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting a render worker", e);
    }
    try {
      return worker.version;
    } finally {
      give(worker);
    }
  }

  /** Process ids of the running workers, for tests and diagnostics. */
  public List<Long> workerPids() {
    return all.stream().map(w -> w.process.pid()).toList();
  }

  /**
   * Renders a chart in a worker.
   *
   * @throws ChartRenderException when Helm cannot render it, or the render exceeds a limit
   */
  public RenderedChart render(ChartRenderRequest request) throws ChartRenderException {
    Worker worker;
    try {
      worker = take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChartRenderException("interrupted while waiting to render", null, 0);
    }
    boolean healthy = false;
    try {
      RenderedChart result = worker.render(RenderJob.of(request), request.timeout());
      healthy = true;
      return result;
    } catch (ChartRenderException | UsageException e) {
      healthy = worker.process.isAlive();
      throw e;
    } finally {
      if (healthy) {
        give(worker);
      } else {
        worker.kill();
        slots.release();
      }
    }
  }

  private Worker take() throws InterruptedException, ChartRenderException {
    slots.acquire();
    try {
      Worker worker;
      while ((worker = idle.pollFirst()) != null) {
        if (worker.process.isAlive()) {
          return worker;
        }
        worker.kill();
      }
      if (closed) {
        throw new ChartRenderException("chartlint is shutting down", null, 0);
      }
      return start();
    } catch (ChartRenderException | RuntimeException e) {
      slots.release();
      throw e;
    }
  }

  private void give(Worker worker) {
    if (closed) {
      worker.kill();
    } else {
      worker.idleSince = System.nanoTime();
      idle.addFirst(worker);
    }
    slots.release();
  }

  /**
   * Stops the workers that have waited longer than the idle limit. {@code idle.remove} and {@link
   * #take}'s {@code pollFirst} are atomic on the same deque, so a worker is either handed out or
   * stopped, never both.
   */
  private void stopIdleWorkers() {
    long now = System.nanoTime();
    for (Worker worker : idle) {
      if (now - worker.idleSince >= idleLimit.toNanos() && idle.remove(worker)) {
        worker.kill();
      }
    }
  }

  private Worker start() throws ChartRenderException {
    Path home;
    try {
      home = Files.createTempDirectory(HOME_PREFIX);
      Map<String, String> env = IsolatedEnvironment.of(environment, home);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx" + JAVA_HEAP_MIB + "m");
      command.add("-Xss4m");
      command.add("-XX:+UseSerialGC");
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-XX:-UsePerfData");
      command.add("-Dfile.encoding=UTF-8");
      command.add("-D" + RenderWorkers.SKIP_REMOTE_JAR + "=true");
      command.add("-Djava.io.tmpdir=" + env.get("TMPDIR"));
      command.add(RenderWorker.class.getName());
      command.add(Long.toString(ProcessHandle.current().pid()));
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().clear();
      builder.environment().putAll(env);
      builder.environment().put("GOMEMLIMIT", GO_MEMORY_LIMIT);
      // The classpath goes in the environment, not on the command line: a long command line is
      // cut short in /proc, and the worker would not be recognisable by its main class.
      builder.environment().put("CLASSPATH", classpath());
      builder.directory(new File(System.getProperty("user.dir")));
      Process process = builder.start();
      Worker worker = new Worker(process, home);
      all.add(worker);
      if (closed) {
        worker.kill();
        throw new ChartRenderException("chartlint is shutting down", null, 0);
      }
      worker.handshake();
      return worker;
    } catch (IOException e) {
      throw new ChartRenderException("cannot start a render worker: " + e.getMessage(), null, 0);
    }
  }

  /**
   * chartlint's classpath as a command line: the JVM's own, and the jars the classes a worker needs
   * come from (under Maven, plugins load from a class realm the JVM's classpath does not name).
   */
  static String classpath() {
    Set<String> entries = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(entry);
      }
    }
    ClassLoader loader = RenderWorkers.class.getClassLoader();
    while (loader != null) {
      if (loader instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          addUrl(entries, url);
        }
      }
      loader = loader.getParent();
    }
    for (String name :
        List.of(
            "io.chartlint.core.load.helm.worker.RenderWorker",
            "com.marcnuri.helm.Helm",
            "com.marcnuri.helm.jni.HelmLib",
            "com.sun.jna.Native",
            "org.apache.commons.compress.archivers.tar.TarArchiveInputStream",
            "org.apache.commons.io.IOUtils",
            "org.apache.commons.lang3.StringUtils",
            "org.apache.commons.codec.Charsets",
            "org.yaml.snakeyaml.Yaml")) {
      try {
        Class<?> type = Class.forName(name, false, RenderWorkers.class.getClassLoader());
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
          addUrl(entries, source.getLocation());
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // a class this platform or packaging does not have: the worker reports what it misses
      }
    }
    try {
      for (com.marcnuri.helm.jni.NativeLibrary library :
          java.util.ServiceLoader.load(
              com.marcnuri.helm.jni.NativeLibrary.class, RenderWorkers.class.getClassLoader())) {
        CodeSource source = library.getClass().getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
          addUrl(entries, source.getLocation());
        }
      }
    } catch (java.util.ServiceConfigurationError | LinkageError e) {
      // no native library for this platform: the worker says so when it starts
    }
    return String.join(File.pathSeparator, entries);
  }

  private static void addUrl(Set<String> entries, URL url) {
    if (!"file".equals(url.getProtocol())) {
      return;
    }
    try {
      entries.add(Path.of(url.toURI()).toString());
    } catch (URISyntaxException | IllegalArgumentException e) {
      // not a local file
    }
  }

  /** Kills every worker; renders in progress fail. */
  @Override
  public void close() {
    closed = true;
    reaper.shutdownNow();
    for (Worker worker : all) {
      worker.kill();
    }
  }

  /** One worker process and its two pipes. */
  private final class Worker {
    private final Process process;
    private final Path home;
    private final DataOutputStream requests;
    private final DataInputStream answers;
    private final StderrTail stderr;
    private final ExecutorService reader;
    private String version;
    private volatile long idleSince;

    Worker(Process process, Path home) {
      this.process = process;
      this.home = home;
      this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
      this.answers = new DataInputStream(new BufferedInputStream(process.getInputStream()));
      this.stderr = new StderrTail(process.getErrorStream());
      this.reader =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "chartlint-render-worker-" + process.pid());
                t.setDaemon(true);
                return t;
              });
    }

    void handshake() throws ChartRenderException {
      List<String> hello = await(Duration.ofSeconds(60), "start");
      if (hello.get(0).equals("ready")) {
        version = hello.get(1);
        return;
      }
      kill();
      throw new ChartRenderException(hello.get(1), null, 0);
    }

    RenderedChart render(RenderJob job, Duration timeout) throws ChartRenderException {
      try {
        Frames.write(requests, job.encode());
      } catch (IOException e) {
        throw died("cannot send the chart to the render worker");
      }
      List<String> answer = await(timeout, "render");
      return switch (answer.get(0)) {
        case "ok" -> new RenderedChart(answer.get(1), List.of());
        case "usage" -> throw new UsageException(answer.get(1));
        case "helm-error" -> throw HelmErrors.toException(answer.get(1));
        default -> throw new ChartRenderException(answer.get(1), null, 0);
      };
    }

    /** The next answer, within the time limit and the memory bound, or the worker is killed. */
    private List<String> await(Duration timeout, String what) throws ChartRenderException {
      Future<List<String>> next = reader.submit(() -> Frames.read(answers));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          kill();
          if (what.equals("start")) {
            throw new ChartRenderException(
                "the render worker did not start within "
                    + RenderTimeout.format(timeout)
                    + "; the machine may be overloaded",
                null,
                0);
          }
          throw new ChartRenderException(
              "the chart did not render within the render time limit of "
                  + RenderTimeout.format(timeout)
                  + " and was stopped; a template that never ends, or a range over a huge list,"
                  + " does this (raise the limit with --render-timeout, or renderTimeout in the"
                  + " Maven plugin)",
              null,
              0);
        }
        try {
          List<String> answer = next.get(Math.min(left, 200_000_000L), TimeUnit.NANOSECONDS);
          if (answer == null || answer.size() < 2) {
            throw died("the render worker ended without an answer");
          }
          return answer;
        } catch (TimeoutException e) {
          long rss = residentMib(process.pid());
          if (rss > memoryLimitMib) {
            kill();
            throw new ChartRenderException(
                "the chart used more than the render memory limit of "
                    + memoryLimitMib
                    + " MiB and was stopped; a template that builds huge strings or lists does"
                    + " this",
                null,
                0);
          }
        } catch (ExecutionException e) {
          throw died("the render worker ended without an answer");
        } catch (InterruptedException e) {
          kill();
          Thread.currentThread().interrupt();
          throw new ChartRenderException("interrupted while rendering", null, 0);
        }
      }
    }

    private ChartRenderException died(String what) {
      kill();
      String tail = stderr.last();
      return new ChartRenderException(what + (tail.isEmpty() ? "" : ": " + tail), null, 0);
    }

    void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reader.shutdownNow();
      all.remove(this);
      IsolatedEnvironment.delete(home);
    }
  }

  /** The resident set of a process in MiB, where the platform tells (Linux), else 0. */
  static long residentMib(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.ISO_8859_1)) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** Keeps the last few kilobytes a worker wrote to its standard error, for crash messages. */
  private static final class StderrTail {
    private static final int KEEP = 4096;
    private final StringBuilder tail = new StringBuilder();

    StderrTail(InputStream in) {
      Thread t =
          new Thread(
              () -> {
                byte[] buffer = new byte[8192];
                try (in) {
                  int n;
                  while ((n = in.read(buffer)) > 0) {
                    synchronized (tail) {
                      tail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                      if (tail.length() > KEEP) {
                        tail.delete(0, tail.length() - KEEP);
                      }
                    }
                  }
                } catch (IOException e) {
                  // the worker is gone
                }
              },
              "chartlint-render-worker-stderr");
      t.setDaemon(true);
      t.start();
    }

    /** The last line that is not a stack frame: the error, not where it happened. */
    String last() {
      synchronized (tail) {
        String[] lines = tail.toString().strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
          String line = lines[i].strip();
          if (!line.isEmpty() && !line.startsWith("at ") && !line.startsWith("...")) {
            return line;
          }
        }
        return "";
      }
    }
  }
}
