package io.chartlint.core.policy.cel;

import com.google.common.net.InetAddresses;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import io.chartlint.core.model.LabelSyntax;
import io.chartlint.core.model.Quantity;
import io.chartlint.core.model.QuantityFormatException;
import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Kubernetes CEL libraries that admission policies use, as k8s.io/apiserver/pkg/cel/library
 * defines them: quantity.go, lists.go, regex.go, urls.go, ip.go, cidr.go and format.go. The string
 * extensions and optionals come from cel-java itself ({@code CelExtensions.strings()}, {@code
 * CelExtensions.optional()}), as Kubernetes takes them from cel-go.
 */
final class KubernetesLibrary {
  static final CelType QUANTITY = OpaqueType.create("kubernetes.Quantity");
  static final CelType URL = OpaqueType.create("kubernetes.URL");
  static final CelType IP = OpaqueType.create("net.IP");
  static final CelType CIDR = OpaqueType.create("net.CIDR");
  static final CelType FORMAT = OpaqueType.create("kubernetes.NamedFormat");

  private static final CelType LIST = ListType.create(SimpleType.DYN);
  private static final CelType STRINGS = ListType.create(SimpleType.STRING);

  private KubernetesLibrary() {}

  /** A URL as Kubernetes' library holds it: the parsed URI. */
  record Url(URI uri) {}

  /** An IP address. */
  record Ip(InetAddress address) {
    @Override
    public String toString() {
      return InetAddresses.toAddrString(address);
    }
  }

  /** A CIDR: the address as written and its prefix length. */
  record Cidr(InetAddress address, int prefix) {
    @Override
    public String toString() {
      return InetAddresses.toAddrString(address) + "/" + prefix;
    }
  }

  /** A named format of format.go. */
  record NamedFormat(String name, Function<String, List<String>> errors) {}

  static List<CelFunctionDecl> declarations() {
    List<CelFunctionDecl> d = new ArrayList<>();
    // quantity.go
    d.add(global("quantity", "string_to_quantity", QUANTITY, SimpleType.STRING));
    d.add(global("isQuantity", "is_quantity_string", SimpleType.BOOL, SimpleType.STRING));
    d.add(member("sign", "quantity_sign", SimpleType.INT, QUANTITY));
    d.add(member("isInteger", "quantity_is_integer", SimpleType.BOOL, QUANTITY));
    d.add(member("asInteger", "quantity_get_integer", SimpleType.INT, QUANTITY));
    d.add(member("asApproximateFloat", "quantity_get_float", SimpleType.DOUBLE, QUANTITY));
    d.add(
        CelFunctionDecl.newFunctionDeclaration(
            "add",
            CelOverloadDecl.newMemberOverload("quantity_add", QUANTITY, QUANTITY, QUANTITY),
            CelOverloadDecl.newMemberOverload(
                "quantity_add_int", QUANTITY, QUANTITY, SimpleType.INT)));
    d.add(
        CelFunctionDecl.newFunctionDeclaration(
            "sub",
            CelOverloadDecl.newMemberOverload("quantity_sub", QUANTITY, QUANTITY, QUANTITY),
            CelOverloadDecl.newMemberOverload(
                "quantity_sub_int", QUANTITY, QUANTITY, SimpleType.INT)));
    d.add(member("isLessThan", "quantity_less", SimpleType.BOOL, QUANTITY, QUANTITY));
    d.add(member("isGreaterThan", "quantity_greater", SimpleType.BOOL, QUANTITY, QUANTITY));
    d.add(member("compareTo", "quantity_compare", SimpleType.INT, QUANTITY, QUANTITY));
    // lists.go
    d.add(member("isSorted", "list_is_sorted", SimpleType.BOOL, LIST));
    d.add(member("sum", "list_sum", SimpleType.DYN, LIST));
    d.add(member("min", "list_min", SimpleType.DYN, LIST));
    d.add(member("max", "list_max", SimpleType.DYN, LIST));
    d.add(
        CelFunctionDecl.newFunctionDeclaration(
            "indexOf",
            CelOverloadDecl.newMemberOverload(
                "list_index_of", SimpleType.INT, LIST, SimpleType.DYN)));
    d.add(
        CelFunctionDecl.newFunctionDeclaration(
            "lastIndexOf",
            CelOverloadDecl.newMemberOverload(
                "list_last_index_of", SimpleType.INT, LIST, SimpleType.DYN)));
    // regex.go
    d.add(
        member(
            "find", "string_find_string", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING));
    d.add(
        CelFunctionDecl.newFunctionDeclaration(
            "findAll",
            CelOverloadDecl.newMemberOverload(
                "string_find_all_string", STRINGS, SimpleType.STRING, SimpleType.STRING),
            CelOverloadDecl.newMemberOverload(
                "string_find_all_string_int",
                STRINGS,
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.INT)));
    // urls.go
    d.add(global("url", "string_to_url", URL, SimpleType.STRING));
    d.add(global("isURL", "is_url_string", SimpleType.BOOL, SimpleType.STRING));
    d.add(member("getScheme", "url_get_scheme", SimpleType.STRING, URL));
    d.add(member("getHost", "url_get_host", SimpleType.STRING, URL));
    d.add(member("getHostname", "url_get_hostname", SimpleType.STRING, URL));
    d.add(member("getPort", "url_get_port", SimpleType.STRING, URL));
    d.add(member("getEscapedPath", "url_get_escaped_path", SimpleType.STRING, URL));
    d.add(member("getQuery", "url_get_query", MapType.create(SimpleType.STRING, STRINGS), URL));
    // ip.go and cidr.go
    d.add(
        CelFunctionDecl.newFunctionDeclaration(
            "ip",
            CelOverloadDecl.newGlobalOverload("string_to_ip", IP, SimpleType.STRING),
            CelOverloadDecl.newMemberOverload("cidr_ip", IP, CIDR)));
    d.add(global("isIP", "is_ip", SimpleType.BOOL, SimpleType.STRING));
    d.add(global("ip.isCanonical", "ip_is_canonical", SimpleType.BOOL, SimpleType.STRING));
    d.add(member("family", "ip_family", SimpleType.INT, IP));
    d.add(member("isUnspecified", "ip_is_unspecified", SimpleType.BOOL, IP));
    d.add(member("isLoopback", "ip_is_loopback", SimpleType.BOOL, IP));
    d.add(member("isLinkLocalMulticast", "ip_is_link_local_multicast", SimpleType.BOOL, IP));
    d.add(member("isLinkLocalUnicast", "ip_is_link_local_unicast", SimpleType.BOOL, IP));
    d.add(member("isGlobalUnicast", "ip_is_global_unicast", SimpleType.BOOL, IP));
    d.add(global("cidr", "string_to_cidr", CIDR, SimpleType.STRING));
    d.add(global("isCIDR", "is_cidr", SimpleType.BOOL, SimpleType.STRING));
    d.add(
        CelFunctionDecl.newFunctionDeclaration(
            "containsIP",
            CelOverloadDecl.newMemberOverload(
                "cidr_contains_ip_string", SimpleType.BOOL, CIDR, SimpleType.STRING),
            CelOverloadDecl.newMemberOverload("cidr_contains_ip_ip", SimpleType.BOOL, CIDR, IP)));
    d.add(
        CelFunctionDecl.newFunctionDeclaration(
            "containsCIDR",
            CelOverloadDecl.newMemberOverload(
                "cidr_contains_cidr_string", SimpleType.BOOL, CIDR, SimpleType.STRING),
            CelOverloadDecl.newMemberOverload("cidr_contains_cidr", SimpleType.BOOL, CIDR, CIDR)));
    d.add(member("masked", "cidr_masked", CIDR, CIDR));
    d.add(member("prefixLength", "cidr_prefix_length", SimpleType.INT, CIDR));
    d.add(
        CelFunctionDecl.newFunctionDeclaration(
            "string",
            CelOverloadDecl.newGlobalOverload("ip_to_string", SimpleType.STRING, IP),
            CelOverloadDecl.newGlobalOverload("cidr_to_string", SimpleType.STRING, CIDR)));
    // format.go
    for (String name : FORMATS.keySet()) {
      d.add(global("format." + name, "format_" + name, FORMAT));
    }
    d.add(global("format.named", "format_named", OptionalType.create(FORMAT), SimpleType.STRING));
    d.add(
        member(
            "validate",
            "format_validate",
            OptionalType.create(STRINGS),
            FORMAT,
            SimpleType.STRING));
    return d;
  }

  static List<CelFunctionBinding> bindings() {
    List<CelFunctionBinding> b = new ArrayList<>();
    // quantity.go
    b.add(CelFunctionBinding.from("string_to_quantity", String.class, KubernetesLibrary::quantity));
    b.add(
        CelFunctionBinding.from(
            "is_quantity_string", String.class, s -> Quantity.tryParse(s).isPresent()));
    b.add(CelFunctionBinding.from("quantity_sign", Quantity.class, q -> (long) q.value().signum()));
    b.add(
        CelFunctionBinding.from(
            "quantity_is_integer", Quantity.class, q -> asInt64(q).isPresent()));
    b.add(
        CelFunctionBinding.from(
            "quantity_get_integer",
            Quantity.class,
            q ->
                asInt64(q)
                    .orElseThrow(
                        () -> new CelEvaluationException("cannot convert value to integer"))));
    b.add(
        CelFunctionBinding.from(
            "quantity_get_float", Quantity.class, q -> q.value().doubleValue()));
    b.add(
        CelFunctionBinding.from(
            "quantity_add",
            Quantity.class,
            Quantity.class,
            (a, c) -> Quantity.of(a.value().add(c.value()), a.format())));
    b.add(
        CelFunctionBinding.from(
            "quantity_add_int",
            Quantity.class,
            Long.class,
            (a, c) -> Quantity.of(a.value().add(BigDecimal.valueOf(c)), a.format())));
    b.add(
        CelFunctionBinding.from(
            "quantity_sub",
            Quantity.class,
            Quantity.class,
            (a, c) -> Quantity.of(a.value().subtract(c.value()), a.format())));
    b.add(
        CelFunctionBinding.from(
            "quantity_sub_int",
            Quantity.class,
            Long.class,
            (a, c) -> Quantity.of(a.value().subtract(BigDecimal.valueOf(c)), a.format())));
    b.add(
        CelFunctionBinding.from(
            "quantity_less", Quantity.class, Quantity.class, (a, c) -> a.compareTo(c) < 0));
    b.add(
        CelFunctionBinding.from(
            "quantity_greater", Quantity.class, Quantity.class, (a, c) -> a.compareTo(c) > 0));
    b.add(
        CelFunctionBinding.from(
            "quantity_compare",
            Quantity.class,
            Quantity.class,
            (a, c) -> (long) Integer.signum(a.compareTo(c))));
    // lists.go
    b.add(CelFunctionBinding.from("list_is_sorted", List.class, KubernetesLibrary::isSorted));
    b.add(CelFunctionBinding.from("list_sum", List.class, KubernetesLibrary::sum));
    b.add(CelFunctionBinding.from("list_min", List.class, l -> extreme(l, -1, "min")));
    b.add(CelFunctionBinding.from("list_max", List.class, l -> extreme(l, 1, "max")));
    b.add(
        CelFunctionBinding.from(
            "list_index_of", List.class, Object.class, (l, x) -> (long) indexOf(l, x, false)));
    b.add(
        CelFunctionBinding.from(
            "list_last_index_of", List.class, Object.class, (l, x) -> (long) indexOf(l, x, true)));
    // regex.go
    b.add(
        CelFunctionBinding.from(
            "string_find_string",
            String.class,
            String.class,
            (s, re) -> {
              Matcher m = regex(re).matcher(s);
              return m.find() ? m.group() : "";
            }));
    b.add(
        CelFunctionBinding.from(
            "string_find_all_string", String.class, String.class, (s, re) -> findAll(s, re, -1)));
    b.add(
        CelFunctionBinding.from(
            "string_find_all_string_int",
            List.of(String.class, String.class, Long.class),
            args -> findAll((String) args[0], (String) args[1], (Long) args[2])));
    // urls.go
    b.add(CelFunctionBinding.from("string_to_url", String.class, KubernetesLibrary::url));
    b.add(CelFunctionBinding.from("is_url_string", String.class, s -> parseUrl(s) != null));
    b.add(CelFunctionBinding.from("url_get_scheme", Url.class, u -> nonNull(u.uri().getScheme())));
    b.add(
        CelFunctionBinding.from(
            "url_get_host",
            Url.class,
            u -> nonNull(u.uri().getRawAuthority()).replaceFirst("^.*@", "")));
    b.add(CelFunctionBinding.from("url_get_hostname", Url.class, KubernetesLibrary::hostname));
    b.add(
        CelFunctionBinding.from(
            "url_get_port", Url.class, u -> u.uri().getPort() < 0 ? "" : "" + u.uri().getPort()));
    b.add(
        CelFunctionBinding.from(
            "url_get_escaped_path", Url.class, u -> nonNull(u.uri().getRawPath())));
    b.add(CelFunctionBinding.from("url_get_query", Url.class, KubernetesLibrary::query));
    // ip.go and cidr.go
    b.add(CelFunctionBinding.from("string_to_ip", String.class, KubernetesLibrary::ip));
    b.add(CelFunctionBinding.from("is_ip", String.class, s -> parseIp(s) != null));
    b.add(
        CelFunctionBinding.from(
            "ip_is_canonical",
            String.class,
            s -> {
              Ip ip = ip(s);
              return ip.toString().equals(s);
            }));
    b.add(
        CelFunctionBinding.from(
            "ip_family", Ip.class, ip -> ip.address() instanceof Inet4Address ? 4L : 6L));
    b.add(
        CelFunctionBinding.from(
            "ip_is_unspecified", Ip.class, ip -> ip.address().isAnyLocalAddress()));
    b.add(
        CelFunctionBinding.from(
            "ip_is_loopback", Ip.class, ip -> ip.address().isLoopbackAddress()));
    b.add(
        CelFunctionBinding.from(
            "ip_is_link_local_multicast",
            Ip.class,
            ip -> ip.address().isMulticastAddress() && ip.address().isMCLinkLocal()));
    b.add(
        CelFunctionBinding.from(
            "ip_is_link_local_unicast", Ip.class, ip -> ip.address().isLinkLocalAddress()));
    b.add(
        CelFunctionBinding.from(
            "ip_is_global_unicast", Ip.class, KubernetesLibrary::isGlobalUnicast));
    b.add(CelFunctionBinding.from("string_to_cidr", String.class, KubernetesLibrary::cidr));
    b.add(CelFunctionBinding.from("is_cidr", String.class, s -> parseCidr(s) != null));
    b.add(
        CelFunctionBinding.from(
            "cidr_contains_ip_string",
            Cidr.class,
            String.class,
            (c, s) -> contains(c, ip(s).address(), -1)));
    b.add(
        CelFunctionBinding.from(
            "cidr_contains_ip_ip", Cidr.class, Ip.class, (c, ip) -> contains(c, ip.address(), -1)));
    b.add(
        CelFunctionBinding.from(
            "cidr_contains_cidr_string",
            Cidr.class,
            String.class,
            (c, s) -> {
              Cidr other = cidr(s);
              return contains(c, other.address(), other.prefix());
            }));
    b.add(
        CelFunctionBinding.from(
            "cidr_contains_cidr",
            Cidr.class,
            Cidr.class,
            (c, other) -> contains(c, other.address(), other.prefix())));
    b.add(CelFunctionBinding.from("cidr_ip", Cidr.class, c -> new Ip(c.address())));
    b.add(
        CelFunctionBinding.from(
            "cidr_masked", Cidr.class, c -> new Cidr(mask(c.address(), c.prefix()), c.prefix())));
    b.add(CelFunctionBinding.from("cidr_prefix_length", Cidr.class, c -> (long) c.prefix()));
    b.add(CelFunctionBinding.from("ip_to_string", Ip.class, Ip::toString));
    b.add(CelFunctionBinding.from("cidr_to_string", Cidr.class, Cidr::toString));
    // format.go
    for (Map.Entry<String, Function<String, List<String>>> e : FORMATS.entrySet()) {
      NamedFormat format = new NamedFormat(e.getKey(), e.getValue());
      b.add(CelFunctionBinding.from("format_" + e.getKey(), List.of(), args -> format));
    }
    b.add(
        CelFunctionBinding.from(
            "format_named",
            String.class,
            name ->
                FORMATS.containsKey(name)
                    ? Optional.of(new NamedFormat(name, FORMATS.get(name)))
                    : Optional.empty()));
    b.add(
        CelFunctionBinding.from(
            "format_validate",
            NamedFormat.class,
            String.class,
            (f, s) -> {
              List<String> errors = f.errors().apply(s);
              return errors.isEmpty() ? Optional.empty() : Optional.of(errors);
            }));
    return b;
  }

  private static CelFunctionDecl global(String name, String id, CelType result, CelType... args) {
    return CelFunctionDecl.newFunctionDeclaration(
        name, CelOverloadDecl.newGlobalOverload(id, result, args));
  }

  private static CelFunctionDecl member(String name, String id, CelType result, CelType... args) {
    return CelFunctionDecl.newFunctionDeclaration(
        name, CelOverloadDecl.newMemberOverload(id, result, args));
  }

  // ---------------------------------------------------------------- quantity

  private static Quantity quantity(String s) throws CelEvaluationException {
    try {
      return Quantity.parse(s);
    } catch (QuantityFormatException e) {
      throw new CelEvaluationException(e.getMessage());
    }
  }

  /** quantity.go isInteger / asInteger: the value as an int64, when it is one exactly. */
  private static Optional<Long> asInt64(Quantity q) {
    try {
      return Optional.of(q.value().longValueExact());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------- lists

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) throws CelEvaluationException {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    if (a instanceof Comparable c && a.getClass() == b.getClass()) {
      return c.compareTo(b);
    }
    throw new CelEvaluationException(
        "no such overload: cannot compare "
            + a.getClass().getSimpleName()
            + " and "
            + b.getClass().getSimpleName());
  }

  private static boolean isSorted(List<?> list) throws CelEvaluationException {
    for (int i = 1; i < list.size(); i++) {
      if (compare(list.get(i - 1), list.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  private static Object sum(List<?> list) throws CelEvaluationException {
    if (list.isEmpty()) {
      return 0L;
    }
    if (list.get(0) instanceof Long) {
      long total = 0;
      for (Object o : list) {
        if (!(o instanceof Long n)) {
          throw new CelEvaluationException("no such overload: sum of mixed types");
        }
        try {
          total = Math.addExact(total, n);
        } catch (ArithmeticException e) {
          throw new CelEvaluationException("integer overflow");
        }
      }
      return total;
    }
    if (list.get(0) instanceof Double) {
      double total = 0;
      for (Object o : list) {
        if (!(o instanceof Double n)) {
          throw new CelEvaluationException("no such overload: sum of mixed types");
        }
        total += n;
      }
      return total;
    }
    throw new CelEvaluationException(
        "no such overload: sum of " + list.get(0).getClass().getSimpleName());
  }

  private static Object extreme(List<?> list, int sign, String name) throws CelEvaluationException {
    if (list.isEmpty()) {
      throw new CelEvaluationException(name + " called on empty list");
    }
    Object best = list.get(0);
    for (Object o : list) {
      if (compare(o, best) * sign > 0) {
        best = o;
      }
    }
    return best;
  }

  private static int indexOf(List<?> list, Object x, boolean last) {
    int found = -1;
    for (int i = 0; i < list.size(); i++) {
      if (Objects.equals(list.get(i), x)) {
        found = i;
        if (!last) {
          return found;
        }
      }
    }
    return found;
  }

  // ---------------------------------------------------------------- regex

  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  /** RE2, as Go's regexp that Kubernetes uses: linear time, whatever the input. */
  private static Pattern regex(String re) throws CelEvaluationException {
    Pattern p = PATTERNS.get(re);
    if (p == null) {
      try {
        p = Pattern.compile(re);
      } catch (PatternSyntaxException e) {
        throw new CelEvaluationException("invalid regex: " + e.getMessage());
      }
      if (PATTERNS.size() < 1024) {
        PATTERNS.put(re, p);
      }
    }
    return p;
  }

  private static List<String> findAll(String s, String re, long limit)
      throws CelEvaluationException {
    List<String> found = new ArrayList<>();
    if (limit == 0) {
      return found;
    }
    Matcher m = regex(re).matcher(s);
    while (m.find() && (limit < 0 || found.size() < limit)) {
      found.add(m.group());
    }
    return found;
  }

  // ---------------------------------------------------------------- URLs

  /** urls.go: url.ParseRequestURI, an absolute URI or an absolute path. */
  private static URI parseUrl(String s) {
    try {
      URI uri = new URI(s);
      if (uri.isAbsolute() || s.startsWith("/")) {
        return uri;
      }
      return null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static Url url(String s) throws CelEvaluationException {
    URI uri = parseUrl(s);
    if (uri == null) {
      throw new CelEvaluationException("URL parse error during conversion from string: " + s);
    }
    return new Url(uri);
  }

  private static String hostname(Url u) {
    String host = u.uri().getHost();
    if (host == null) {
      return "";
    }
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static Map<String, List<String>> query(Url u) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    String raw = u.uri().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  // ---------------------------------------------------------------- IP and CIDR

  /**
   * ip.go: netip.ParseAddr, without zones, and without IPv4-mapped IPv6 addresses, which Kubernetes
   * refuses; never a DNS lookup.
   */
  private static InetAddress parseIp(String s) {
    if (s.contains("%") || !InetAddresses.isInetAddress(s)) {
      return null;
    }
    if (s.contains(":") && s.contains(".")) {
      return null; // IPv4-mapped IPv6 and the like
    }
    return InetAddresses.forString(s);
  }

  private static Ip ip(String s) throws CelEvaluationException {
    InetAddress address = parseIp(s);
    if (address == null) {
      throw new CelEvaluationException("IP Address '" + s + "' parse error during conversion");
    }
    return new Ip(address);
  }

  private static boolean isGlobalUnicast(Ip ip) {
    InetAddress a = ip.address();
    boolean broadcast = a instanceof Inet4Address && ip.toString().equals("255.255.255.255");
    return !a.isAnyLocalAddress()
        && !a.isLoopbackAddress()
        && !a.isMulticastAddress()
        && !a.isLinkLocalAddress()
        && !broadcast;
  }

  private static Cidr parseCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return null;
    }
    InetAddress address = parseIp(s.substring(0, slash));
    if (address == null || !s.substring(slash + 1).matches("[0-9]{1,3}")) {
      return null;
    }
    int prefix = Integer.parseInt(s.substring(slash + 1));
    int bits = address instanceof Inet6Address ? 128 : 32;
    return prefix > bits ? null : new Cidr(address, prefix);
  }

  private static Cidr cidr(String s) throws CelEvaluationException {
    Cidr c = parseCidr(s);
    if (c == null) {
      throw new CelEvaluationException(
          "network address parse error during conversion from string: " + s);
    }
    return c;
  }

  private static InetAddress mask(InetAddress address, int prefix) {
    byte[] bytes = address.getAddress();
    for (int i = 0; i < bytes.length * 8; i++) {
      if (i >= prefix) {
        bytes[i / 8] &= (byte) ~(1 << (7 - i % 8));
      }
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the CIDR holds the address (and, for a CIDR, its whole prefix). */
  private static boolean contains(Cidr c, InetAddress address, int prefix) {
    if (address.getAddress().length != c.address().getAddress().length) {
      return false;
    }
    if (prefix >= 0 && prefix < c.prefix()) {
      return false;
    }
    return mask(address, c.prefix()).equals(mask(c.address(), c.prefix()));
  }

  // ---------------------------------------------------------------- formats

  private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1035_LABEL = "[a-z]([-a-z0-9]*[a-z0-9])?";

  private static final Map<String, Function<String, List<String>>> FORMATS = formats();

  private static Map<String, Function<String, List<String>>> formats() {
    Map<String, Function<String, List<String>>> f = new LinkedHashMap<>();
    f.put("dns1123Label", KubernetesLibrary::dns1123Label);
    f.put("dns1123Subdomain", LabelSyntax::dns1123SubdomainErrors);
    f.put("dns1035Label", KubernetesLibrary::dns1035Label);
    f.put("qualifiedName", LabelSyntax::qualifiedNameErrors);
    f.put("dns1123LabelPrefix", s -> dns1123Label(withoutTrailingDash(s)));
    f.put(
        "dns1123SubdomainPrefix", s -> LabelSyntax.dns1123SubdomainErrors(withoutTrailingDash(s)));
    f.put("dns1035LabelPrefix", s -> dns1035Label(withoutTrailingDash(s)));
    f.put("labelValue", LabelSyntax::labelValueErrors);
    f.put("uri", s -> parseUrl(s) == null ? List.of("invalid URI") : List.of());
    f.put(
        "uuid",
        s ->
            s.matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
                ? List.of()
                : List.of("does not match the UUID format"));
    f.put(
        "byte",
        s -> {
          try {
            Base64.getDecoder().decode(s);
            return List.of();
          } catch (IllegalArgumentException e) {
            return List.of("invalid base64");
          }
        });
    f.put(
        "date",
        s -> {
          try {
            LocalDate.parse(s);
            return List.of();
          } catch (DateTimeParseException e) {
            return List.of("invalid date");
          }
        });
    f.put(
        "datetime",
        s -> {
          try {
            OffsetDateTime.parse(s);
            return List.of();
          } catch (DateTimeParseException e) {
            return List.of("invalid datetime");
          }
        });
    return f;
  }

  private static String withoutTrailingDash(String s) {
    return s.endsWith("-") ? s.substring(0, s.length() - 1) : s;
  }

  /** apimachinery validation IsDNS1123Label. */
  private static List<String> dns1123Label(String s) {
    List<String> errors = new ArrayList<>();
    if (s.length() > 63) {
      errors.add("must be no more than 63 characters");
    }
    if (!s.matches(DNS1123_LABEL)) {
      errors.add(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
              + " and must start and end with an alphanumeric character (e.g. 'my-name',  or"
              + " '123-abc', regex used for validation is '"
              + DNS1123_LABEL
              + "')");
    }
    return errors;
  }

  /** apimachinery validation IsDNS1035Label. */
  private static List<String> dns1035Label(String s) {
    List<String> errors = new ArrayList<>();
    if (s.length() > 63) {
      errors.add("must be no more than 63 characters");
    }
    if (!s.matches(DNS1035_LABEL)) {
      errors.add(
          "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with"
              + " an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',"
              + "  or 'abc-123', regex used for validation is '"
              + DNS1035_LABEL
              + "')");
    }
    return errors;
  }
}
