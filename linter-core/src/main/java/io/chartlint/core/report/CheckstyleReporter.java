package io.chartlint.core.report;

import io.chartlint.core.Severity;
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
 * Checkstyle's XML result format, which Jenkins' warnings-ng, reviewdog and many IDE plugins read:
 * a {@code file} element per file with findings, an {@code error} element per finding.
 */
public final class CheckstyleReporter implements Reporter {

  @Override
  public String name() {
    return "checkstyle";
  }

  @Override
  public void write(LintResult result, ReportContext context, Appendable out) throws IOException {
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding f : result.findings()) {
      byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);
    }
    try {
      XMLStreamWriter xml =
          XMLOutputFactory.newFactory().createXMLStreamWriter(AppendableWriter.of(out));
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("checkstyle");
      xml.writeAttribute("version", Xml.clean(context.toolVersion()));
      xml.writeCharacters("\n");
      for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
        xml.writeCharacters("  ");
        xml.writeStartElement("file");
        xml.writeAttribute("name", Xml.attribute(file.getKey()));
        xml.writeCharacters("\n");
        for (Finding f : file.getValue()) {
          xml.writeCharacters("    ");
          xml.writeEmptyElement("error");
          xml.writeAttribute("line", String.valueOf(Math.max(1, f.location().line())));
          if (f.location().column() > 0) {
            xml.writeAttribute("column", String.valueOf(f.location().column()));
          }
          xml.writeAttribute("severity", severity(f.severity()));
          xml.writeAttribute("message", Xml.attribute(Findings.text(f)));
          xml.writeAttribute("source", "chartlint." + f.ruleId());
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
      throw new IOException("cannot write Checkstyle XML: " + e.getMessage(), e);
    }
    out.append(System.lineSeparator());
  }

  /** Checkstyle's own severities are error, warning, info and ignore. */
  private static String severity(Severity severity) {
    return severity.id();
  }
}
