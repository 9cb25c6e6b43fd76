package io.chartlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.engine.FailOn;
import io.chartlint.core.engine.LintResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The XML formats parse with the JDK's DOM parser and give back the messages unchanged. */
class XmlReportsTest {

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void junitHasASuitePerFileAndAFailurePerFinding() throws Exception {
    Document doc = parse(SampleResult.write("junit"));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("failures")).isEqualTo("3");
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(2);
    assertThat(((Element) suites.item(0)).getAttribute("name"))
        .isEqualTo("charts/web/templates/deployment.yaml");
    Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("name")).isEqualTo("Deployment/shop/web toleration-invalid");
    Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("toleration-invalid");
    // An attribute cannot keep a line break through a parser; the body keeps it.
    assertThat(failure.getAttribute("message"))
        .isEqualTo(SampleResult.TRICKY_MESSAGE.replace('\n', ' '));
    assertThat(failure.getTextContent()).contains(SampleResult.TRICKY_MESSAGE);
  }

  @Test
  void junitWithoutFindingsStillHoldsOnePassingTest() throws Exception {
    LintResult clean =
        new LintResult(List.of(), List.of(), List.of(), List.of(), List.of(), 1, 4, FailOn.ERROR);
    StringBuilder out = new StringBuilder();
    new JunitReporter().write(clean, SampleResult.context(false), out);
    Document doc = parse(out.toString());
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void checkstyleHasAnErrorPerFindingWithLineColumnAndSource() throws Exception {
    Document doc = parse(SampleResult.write("checkstyle"));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("checkstyle");
    assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("1.2.3");
    NodeList files = doc.getElementsByTagName("file");
    assertThat(files.getLength()).isEqualTo(2);
    NodeList errors = doc.getElementsByTagName("error");
    assertThat(errors.getLength()).isEqualTo(3);
    Element first = (Element) errors.item(0);
    assertThat(first.getAttribute("line")).isEqualTo("31");
    assertThat(first.getAttribute("column")).isEqualTo("13");
    assertThat(first.getAttribute("severity")).isEqualTo("error");
    assertThat(first.getAttribute("source")).isEqualTo("chartlint.toleration-invalid");
    assertThat(first.getAttribute("message"))
        .startsWith("Deployment/shop/web: toleration 0: operator \"Exists\" with value \"a,b\"")
        .endsWith("100% <wrong> & rejected by the API server");
    assertThat(((Element) errors.item(2)).getAttribute("severity")).isEqualTo("info");
  }

  @Test
  void charactersThatXmlCannotCarryAreReplaced() throws Exception {
    assertThat(Xml.clean("a\u0001b\uD800c\uD83D\uDE00")).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
    LintResult result =
        new LintResult(
            List.of(
                new io.chartlint.core.rule.Finding(
                    "yaml-syntax",
                    io.chartlint.core.Severity.ERROR,
                    "control character \u0007 in a scalar",
                    null,
                    "",
                    new io.chartlint.core.rule.Location("bad.yaml", 1, 1, null, null),
                    null,
                    List.of())),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            1,
            0,
            FailOn.ERROR);
    for (Reporter reporter : List.of(new JunitReporter(), new CheckstyleReporter())) {
      StringBuilder out = new StringBuilder();
      reporter.write(result, SampleResult.context(false), out);
      assertThat(parse(out.toString()).getDocumentElement()).isNotNull();
    }
  }
}
