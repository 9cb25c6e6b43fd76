package io.chartlint.core.policy.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each Kubernetes CEL library function chartlint provides, with the answers Kubernetes gives
 * (k8s.io/apiserver/pkg/cel/library tests): every expression here must evaluate to true.
 */
class CelExpressionsTest {
  private static final Map<String, Object> OBJECT =
      Map.of(
          "metadata",
          Map.of("name", "web", "labels", Map.of("app", "web")),
          "spec",
          Map.of(
              "replicas",
              3L,
              "containers",
              List.of(
                  Map.of(
                      "name",
                      "c",
                      "resources",
                      Map.of(
                          "requests", Map.of("memory", "256Mi", "cpu", "500m"),
                          "limits", Map.of("memory", "256Mi", "cpu", "1"))))));

  private static Object eval(String expression) {
    return CelExpressions.compile(expression, CelExpressions.Result.ANY)
        .evaluate(Map.of("object", OBJECT, "variables", Map.of()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // quantity.go
        "quantity('256Mi') == quantity('268435456')",
        "quantity(object.spec.containers[0].resources.requests.memory)"
            + " == quantity(object.spec.containers[0].resources.limits.memory)",
        "isQuantity('1.5Gi') && !isQuantity('1.5 Gi')",
        "quantity('500m').isLessThan(quantity('1'))",
        "quantity('2').isGreaterThan(quantity('1500m'))",
        "quantity('1Ki').compareTo(quantity('1024')) == 0",
        "quantity('1').add(quantity('500m')) == quantity('1500m')",
        "quantity('1').add(2) == quantity('3')",
        "quantity('1').sub(quantity('1500m')).sign() == -1",
        "quantity('2').sub(1) == quantity('1')",
        "quantity('1Ki').isInteger() && quantity('1Ki').asInteger() == 1024",
        "!quantity('500m').isInteger()",
        "quantity('500m').asApproximateFloat() == 0.5",
        // lists.go
        "[1, 2, 3].isSorted() && !['b', 'a'].isSorted()",
        "[1, 2, 3].sum() == 6 && [1.5, 2.5].sum() == 4.0 && [].sum() == 0",
        "[3, 1, 2].min() == 1 && [3, 1, 2].max() == 3",
        "['a', 'b', 'a'].indexOf('a') == 0 && ['a', 'b', 'a'].lastIndexOf('a') == 2",
        "[1, 2].indexOf(5) == -1",
        // regex.go
        "'abc 123'.find('[0-9]+') == '123' && 'abc'.find('[0-9]+') == ''",
        "'a1 b2 c3'.findAll('[a-z][0-9]') == ['a1', 'b2', 'c3']",
        "'a1 b2 c3'.findAll('[a-z][0-9]', 2) == ['a1', 'b2']",
        "'registry.example.com/app:1.0'.matches('^registry[.]example[.]com/')",
        // urls.go
        "url('https://user@example.com:8443/a%20b?x=1&x=2').getScheme() == 'https'",
        "url('https://example.com:8443/').getHost() == 'example.com:8443'",
        "url('https://[::1]:80/').getHostname() == '::1'",
        "url('https://example.com:8443/').getPort() == '8443'",
        "url('https://example.com/a%20b').getEscapedPath() == '/a%20b'",
        "url('https://example.com/?x=1&x=2&y=').getQuery() == {'x': ['1', '2'], 'y': ['']}",
        "isURL('https://example.com') && isURL('/absolute/path') && !isURL('relative/path')",
        // ip.go
        "isIP('10.0.0.1') && isIP('::1') && !isIP('10.0.0.256') && !isIP('fe80::1%eth0')",
        "ip('10.0.0.1').family() == 4 && ip('::1').family() == 6",
        "ip('127.0.0.1').isLoopback() && ip('0.0.0.0').isUnspecified()",
        "ip('169.254.1.1').isLinkLocalUnicast() && ip('ff02::1').isLinkLocalMulticast()",
        "ip('8.8.8.8').isGlobalUnicast() && !ip('127.0.0.1').isGlobalUnicast()",
        "ip.isCanonical('2001:db8::1') && !ip.isCanonical('2001:DB8::1')",
        "string(ip('10.0.0.1')) == '10.0.0.1'",
        // cidr.go
        "cidr('10.0.0.0/8').containsIP('10.1.2.3') && !cidr('10.0.0.0/8').containsIP('11.0.0.1')",
        "cidr('10.0.0.0/8').containsIP(ip('10.1.2.3'))",
        "cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16') && !cidr('10.1.0.0/16').containsCIDR('10.0.0.0/8')",
        "cidr('10.1.2.3/8').masked() == cidr('10.0.0.0/8') && cidr('10.1.2.3/8').prefixLength() == 8",
        "cidr('10.1.2.3/8').ip() == ip('10.1.2.3') && string(cidr('10.0.0.0/8')) == '10.0.0.0/8'",
        "isCIDR('10.0.0.0/8') && !isCIDR('10.0.0.0/33')",
        // format.go
        "!format.dns1123Label().validate('web').hasValue()",
        "format.dns1123Label().validate('Web').hasValue()",
        "format.named('dns1123Subdomain').hasValue() && !format.named('nope').hasValue()",
        "format.labelValue().validate('not a label value').value().size() > 0",
        "!format.qualifiedName().validate('example.com/name').hasValue()",
        "!format.uuid().validate('123e4567-e89b-12d3-a456-426614174000').hasValue()",
        "!format.date().validate('2024-02-29').hasValue() && format.date().validate('2024-02-30').hasValue()",
        // strings (cel-java's ext strings, as Kubernetes takes cel-go's)
        "'Web'.lowerAscii() == 'web' && 'a,b'.split(',') == ['a', 'b'] && ' x '.trim() == 'x'",
        "['a', 'b'].join('-') == 'a-b' && 'abc'.substring(1) == 'bc' && 'abc'.indexOf('c') == 2",
        "'a.b'.replace('.', '-') == 'a-b' && 'abc'.charAt(1) == 'b' && 'abc'.upperAscii() == 'ABC'",
        // has() and optionals
        "has(object.spec.replicas) && !has(object.spec.paused)",
        "object.?spec.?paused.orValue(false) == false",
        "object.spec.containers.all(c, c.resources.limits.memory == c.resources.requests.memory)",
      })
  void evaluatesAsKubernetes(String expression) {
    assertThat(eval(expression)).as(expression).isEqualTo(true);
  }

  @Test
  void aRuntimeErrorSaysWhatFailed() {
    assertThatThrownBy(() -> eval("quantity('1.5 Gi') == quantity('1')"))
        .isInstanceOf(CelExpressions.EvaluationException.class)
        .hasMessageContaining("quantities must match the regular expression");
    assertThatThrownBy(() -> eval("[].min() == 1"))
        .hasMessageContaining("min called on empty list");
    assertThatThrownBy(() -> eval("object.spec.missing == 1")).hasMessageContaining("missing");
  }

  @Test
  void costIsBounded() {
    String expensive =
        "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b,"
            + " [1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d,"
            + " [1,2,3,4,5,6,7,8,9,10].all(e, [1,2,3,4,5,6,7,8,9,10].all(f, a + b + c + d + e + f > 0))))))";
    assertThatThrownBy(() -> eval(expensive))
        .isInstanceOf(CelExpressions.EvaluationException.class)
        .hasMessageContaining("cost limit exceeded");
  }

  @Test
  void anExpressionThatDoesNotCompileSaysWhereAndWhy() {
    assertThatThrownBy(
            () -> CelExpressions.compile("object.spec.\n  replicas >", CelExpressions.Result.BOOL))
        .isInstanceOfSatisfying(
            CelExpressions.CompileException.class, e -> assertThat(e.line()).isEqualTo(2));
    assertThatThrownBy(() -> CelExpressions.compile("'text'", CelExpressions.Result.BOOL))
        .hasMessageContaining("must evaluate to bool");
    assertThatThrownBy(() -> CelExpressions.compile("nosuch(1)", CelExpressions.Result.BOOL))
        .hasMessageContaining("nosuch");
  }
}
