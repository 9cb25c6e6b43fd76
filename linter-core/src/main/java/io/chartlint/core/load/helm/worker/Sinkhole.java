package io.chartlint.core.load.helm.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only Kubernetes API a worker can see: a server on the loopback interface, inside the worker,
 * that knows no objects. The worker's kubeconfig names it and nothing else.
 *
 * <p>Helm's library renders as {@code helm install --dry-run} does, whose {@code lookup} asks the
 * API server of the process's kubeconfig (pkg/engine/lookup_func.go); {@code helm template} answers
 * every {@code lookup} with an empty map. Here discovery lists no resources and every object is
 * "not found", which {@code lookup} turns into the same empty map, whatever the chart does to call
 * it ({@code tpl} of a value, a subchart, a packaged chart).
 */
final class Sinkhole implements AutoCloseable {
  private static final Pattern GROUP_VERSION =
      Pattern.compile("^/(?:api/([^/]+)|apis/([^/]+/[^/]+))/?$");

  private static final String NOT_FOUND =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
          + "\"message\":\"not found\",\"reason\":\"NotFound\",\"code\":404}";

  private final HttpServer server;

  private Sinkhole(HttpServer server) {
    this.server = server;
  }

  /** Starts the server on a free loopback port. */
  static Sinkhole start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", Sinkhole::answer);
    server.start();
    return new Sinkhole(server);
  }

  /** A kubeconfig whose only cluster is this server. */
  void writeKubeconfig(Path file) throws IOException {
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    Files.writeString(
        file,
        "apiVersion: v1\n"
            + "kind: Config\n"
            + "clusters:\n"
            + "- name: none\n"
            + "  cluster:\n"
            + "    server: "
            + url
            + "\n"
            + "users:\n"
            + "- name: none\n"
            + "  user: {}\n"
            + "contexts:\n"
            + "- name: none\n"
            + "  context: {cluster: none, user: none}\n"
            + "current-context: none\n",
        StandardCharsets.UTF_8);
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getQuery();
      // client-go's discovery client sets a timeout on its requests (discovery_client.go,
      // defaultTimeout), the dynamic client that fetches objects does not: an object whose name
      // looks like a group version is still not found
      boolean discovery = query != null && query.contains("timeout=");
      Matcher m = GROUP_VERSION.matcher(path);
      if (!discovery) {
        send(exchange, 404, NOT_FOUND);
      } else if (path.equals("/api") || path.equals("/api/")) {
        send(exchange, 200, "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}");
      } else if (path.equals("/apis") || path.equals("/apis/")) {
        send(exchange, 200, "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}");
      } else if (m.matches()) {
        String groupVersion = m.group(1) != null ? m.group(1) : m.group(2);
        send(
            exchange,
            200,
            "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\""
                + groupVersion.replaceAll("[^A-Za-z0-9./-]", "")
                + "\",\"resources\":[]}");
      } else {
        send(exchange, 404, NOT_FOUND);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
