package io.chartlint.core.report;

import io.chartlint.core.engine.LintResult;
import io.chartlint.core.rule.Finding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as Jenkins' {@code junit} step and GitLab's {@code reports: junit} read it: a test
 * suite per file, a test case per object and rule with a finding, and a failure per finding. A run
 * without findings still has one passing case, because Jenkins fails a build whose report holds no
 * test at all.
 */
public final class JunitReporter implements Reporter {

  @Override
  public String name() {
    return "junit";
  }

  @Override
  public void write(LintResult result, ReportContext context, Appendable out) throws IOException {
    Map<String, Map<String, List<Finding>>> byFile = new LinkedHashMap<>();
    for (Finding f : result.findings()) {
      String object = f.resource() == null ? "" : f.resource().display();
      byFile
          .computeIfAbsent(f.location().file(), k -> new LinkedHashMap<>())
          .computeIfAbsent(object + "\u0000" + f.ruleId(), k -> new ArrayList<>())
          .add(f);
    }
    try {
      XMLStreamWriter xml =
          XMLOutputFactory.newFactory().createXMLStreamWriter(AppendableWriter.of(out));
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      int cases = byFile.values().stream().mapToInt(Map::size).sum();
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "chartlint");
      xml.writeAttribute("tests", String.valueOf(Math.max(1, cases)));
      xml.writeAttribute("failures", String.valueOf(cases));
      xml.writeAttribute("errors", "0");
      xml.writeCharacters("\n");
      if (byFile.isEmpty()) {
        suite(xml, "chartlint", 1, 0);
        xml.writeCharacters("    ");
        xml.writeEmptyElement("testcase");
        xml.writeAttribute("classname", "chartlint");
        xml.writeAttribute("name", Xml.attribute(TextReporter.summary(result)));
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      for (Map.Entry<String, Map<String, List<Finding>>> file : byFile.entrySet()) {
        int n = file.getValue().size();
        suite(xml, Xml.attribute(file.getKey()), n, n);
        for (List<Finding> findings : file.getValue().values()) {
          Finding first = findings.get(0);
          xml.writeCharacters("    ");
          xml.writeStartElement("testcase");
          xml.writeAttribute("classname", Xml.attribute(file.getKey()));
          xml.writeAttribute(
              "name",
              Xml.attribute(
                  (first.resource() == null ? "" : first.resource().display() + " ")
                      + first.ruleId()));
          for (Finding f : findings) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("failure");
            xml.writeAttribute("type", f.ruleId());
            xml.writeAttribute("message", Xml.attribute(f.message()));
            xml.writeCharacters(Xml.clean(details(f)));
            xml.writeEndElement();
          }
          xml.writeCharacters("\n    ");
          xml.writeEndElement();
          xml.writeCharacters("\n");
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
    out.append(System.lineSeparator());
  }

  private static void suite(XMLStreamWriter xml, String name, int tests, int failures)
      throws XMLStreamException {
    xml.writeCharacters("  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", name);
    xml.writeAttribute("tests", String.valueOf(tests));
    xml.writeAttribute("failures", String.valueOf(failures));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", "0");
    xml.writeCharacters("\n");
  }

  private static String details(Finding f) {
    StringBuilder s = new StringBuilder();
    s.append(f.severity().id())
        .append(' ')
        .append(f.location().file())
        .append(':')
        .append(f.location().line());
    if (f.location().column() > 0) {
      s.append(':').append(f.location().column());
    }
    s.append('\n').append(Findings.text(f));
    if (f.path() != null && !f.path().isEmpty()) {
      s.append("\npath: ").append(f.path());
    }
    if (f.fix() != null && !f.fix().isBlank()) {
      s.append("\nfix: ").append(f.fix());
    }
    return s.toString();
  }
}
