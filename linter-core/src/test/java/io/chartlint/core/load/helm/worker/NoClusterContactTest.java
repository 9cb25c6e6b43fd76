package io.chartlint.core.load.helm.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.chartlint.core.load.helm.ChartRenderRequest;
import io.chartlint.core.load.helm.EmbeddedHelmRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster the renderer could reach by every route a process has: a kubeconfig in {@code
 * KUBECONFIG} and in {@code ~/.kube/config}, in-cluster variables, proxies, all pointing at a fake
 * API server on the loopback interface that serves a Secret for every request. Charts call {@code
 * lookup} every way a template can; the server must see no request, and no output holds its data.
 */
class NoClusterContactTest {
  /** base64 of the Secret's value; the value itself is {@link #SECRET}. */
  private static final String SECRET = "stolen-from-the-cluster";

  private static final String SECRET_BASE64 = "c3RvbGVuLWZyb20tdGhlLWNsdXN0ZXI=";

  private static HttpServer server;
  private static final List<String> requests = new ArrayList<>();
  private static RenderWorkers workers;
  private static EmbeddedHelmRenderer renderer;

  @TempDir static Path home;

  @BeforeAll
  static void startAFakeClusterAndPointEveryRouteAtIt() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext(
        "/",
        exchange -> {
          synchronized (requests) {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          }
          String path = exchange.getRequestURI().getPath();
          String body =
              path.equals("/api/v1")
                  ? "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"v1\","
                      + "\"resources\":[{\"name\":\"secrets\",\"singularName\":\"secret\","
                      + "\"namespaced\":true,\"kind\":\"Secret\",\"verbs\":[\"get\",\"list\"]}]}"
                  : "{\"kind\":\"Secret\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"s\","
                      + "\"namespace\":\"kube-system\"},\"data\":{\"token\":\""
                      + SECRET_BASE64
                      + "\"},\"stringData\":{\"plain\":\""
                      + SECRET
                      + "\"}}";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    String kubeconfig =
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: "
            + url
            + "\nusers:\n- name: u\n  user: {token: t}\ncontexts:\n- name: x\n"
            + "  context: {cluster: c, user: u}\ncurrent-context: x\n";
    Path userHome = Files.createDirectories(home.resolve("user"));
    Files.createDirectories(userHome.resolve(".kube"));
    Files.writeString(userHome.resolve(".kube/config"), kubeconfig);
    Path explicit = Files.writeString(home.resolve("kubeconfig"), kubeconfig);

    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("KUBECONFIG", explicit.toString());
    env.put("HOME", userHome.toString());
    env.put("KUBERNETES_SERVICE_HOST", "127.0.0.1");
    env.put("KUBERNETES_SERVICE_PORT", Integer.toString(server.getAddress().getPort()));
    env.put("HTTP_PROXY", url);
    env.put("HTTPS_PROXY", url);
    env.put("http_proxy", url);
    env.put("HELM_KUBEAPISERVER", url);
    env.put("HELM_KUBETOKEN", "t");
    workers = new RenderWorkers(2, env);
    renderer = EmbeddedHelmRenderer.using(workers);
  }

  @AfterAll
  static void stop() {
    workers.close();
    server.stop(0);
  }

  private static String render(Path chart) throws Exception {
    return renderer.render(ChartRenderRequest.of(chart)).manifests();
  }

  private static void assertNothingReachedTheCluster(String rendered) {
    synchronized (requests) {
      assertThat(requests).as("requests the fake cluster received").isEmpty();
    }
    assertThat(rendered).doesNotContain(SECRET).doesNotContain(SECRET_BASE64);
  }

  private static final String CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: probe
      data:
      """;

  @Test
  void lookupThroughTplOfAValueFindsNothing(@TempDir Path dir) throws Exception {
    Path chart =
        TestCharts.chart(
            dir,
            "tpl-value",
            "q: '{{ lookup \"v1\" \"Secret\" \"kube-system\" \"s\" | toJson }}'\n",
            CONFIG_MAP + "  found: {{ tpl .Values.q . | quote }}\n");
    String out = render(chart);
    assertThat(out).contains("found: \"{}\"");
    assertNothingReachedTheCluster(out);
  }

  @Test
  void lookupBehindAQuotedClosingBraceFindsNothing(@TempDir Path dir) throws Exception {
    Path chart =
        TestCharts.chart(
            dir,
            "printf",
            "",
            CONFIG_MAP
                + "  found: {{ printf \"%s%v\" \"}}\" (lookup \"v1\" \"Secret\" \"kube-system\""
                + " \"s\") | quote }}\n"
                + "  listed: {{ lookup \"v1\" \"Secret\" \"\" \"\" | toJson | quote }}\n"
                + "  named-like-a-version: {{ lookup \"v1\" \"Secret\" \"x\" \"v1\" | toJson"
                + " | quote }}\n");
    String out = render(chart);
    assertThat(out)
        .contains("found: \"}}map[]\"")
        .contains("listed: \"{}\"")
        .contains("named-like-a-version: \"{}\"");
    assertNothingReachedTheCluster(out);
  }

  @Test
  void lookupInAPackagedChartFindsNothing(@TempDir Path dir) throws Exception {
    Path chart =
        TestCharts.chart(
            dir,
            "packaged",
            "",
            CONFIG_MAP
                + "  found: {{ (lookup \"v1\" \"Secret\" \"kube-system\" \"s\").data | toJson"
                + " | quote }}\n");
    Path archive = TestCharts.pack(chart, dir.resolve("packaged-0.1.0.tgz"));
    String out = render(archive);
    assertThat(out).contains("# Source: packaged/templates/t0.yaml").contains("found: \"null\"");
    assertNothingReachedTheCluster(out);
  }

  @Test
  void lookupInAPackagedSubchartFindsNothing(@TempDir Path dir) throws Exception {
    Path sub =
        TestCharts.chart(
            dir.resolve("build"),
            "sub",
            "",
            CONFIG_MAP.replace("probe", "sub-probe")
                + "  found: {{ lookup \"v1\" \"Secret\" \"kube-system\" \"s\" | toJson | quote"
                + " }}\n");
    Path parent = TestCharts.chart(dir, "parent", "", CONFIG_MAP + "  a: b\n");
    Files.createDirectories(parent.resolve("charts"));
    TestCharts.pack(sub, parent.resolve("charts/sub-0.1.0.tgz"));
    String out = render(parent);
    assertThat(out)
        .contains("# Source: parent/charts/sub/templates/t0.yaml")
        .contains("found: \"{}\"");
    assertNothingReachedTheCluster(out);
  }

  @Test
  void theEnvironmentOfARendererNamesNoClusterProxyOrRegistry(@TempDir Path dir)
      throws IOException {
    Map<String, String> parent = new HashMap<>();
    parent.put("PATH", "/usr/bin");
    parent.put("KUBECONFIG", "/home/me/.kube/config");
    parent.put("KUBERNETES_SERVICE_HOST", "10.0.0.1");
    parent.put("KUBERNETES_SERVICE_PORT", "443");
    parent.put("HTTPS_PROXY", "http://proxy:3128");
    parent.put("no_proxy", "localhost");
    parent.put("HELM_REGISTRY_CONFIG", "/home/me/.config/helm/registry/config.json");
    parent.put("HELM_KUBECONTEXT", "prod");
    parent.put("AWS_SECRET_ACCESS_KEY", "k");
    parent.put("JAVA_TOOL_OPTIONS", "-javaagent:/x.jar");
    parent.put("HOME", "/home/me");
    Map<String, String> env = IsolatedEnvironment.of(parent, dir);
    assertThat(env)
        .containsEntry("PATH", "/usr/bin")
        .containsEntry("HOME", dir.toString())
        .containsEntry("KUBECONFIG", dir.resolve("kubeconfig").toString())
        .doesNotContainKeys(
            "KUBERNETES_SERVICE_HOST",
            "KUBERNETES_SERVICE_PORT",
            "HTTPS_PROXY",
            "no_proxy",
            "HELM_REGISTRY_CONFIG",
            "HELM_KUBECONTEXT",
            "AWS_SECRET_ACCESS_KEY",
            "JAVA_TOOL_OPTIONS");
    assertThat(env.values()).noneMatch(v -> v.contains("/home/me"));
  }

  @Test
  void aWorkerStartedWithoutItsOwnHomeWritesNothingAndRefusesToRender(@TempDir Path dir)
      throws Exception {
    Path kubeconfig = dir.resolve(".kube/config");
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            RenderWorkers.classpath(),
            RenderWorker.class.getName(),
            Long.toString(ProcessHandle.current().pid()));
    builder.environment().put("HOME", dir.toString());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (java.io.DataInputStream in = new java.io.DataInputStream(process.getInputStream())) {
      assertThat(Frames.read(in)).first().isEqualTo("unavailable");
    } finally {
      process.destroyForcibly();
    }
    assertThat(kubeconfig).doesNotExist();
    assertThat(dir).exists();
  }
}
