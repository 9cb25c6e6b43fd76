package io.chartlint.core.load.helm.worker;

import io.chartlint.core.load.helm.ChartRenderRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A render request as it travels to a worker: paths absolute, no time limit (the pool keeps it).
 */
record RenderJob(
    String chart,
    String releaseName,
    String namespace,
    String kubeVersion,
    boolean noHooks,
    List<String> valuesFiles,
    List<String> set,
    List<String> setString,
    List<String> setFile) {

  static RenderJob of(ChartRenderRequest request) {
    return new RenderJob(
        request.chart().toAbsolutePath().toString(),
        request.releaseName(),
        request.namespace(),
        request.kubeVersion() == null ? "" : request.kubeVersion(),
        request.noHooks(),
        request.valuesFiles().stream().map(p -> p.toAbsolutePath().toString()).toList(),
        request.set(),
        request.setString(),
        request.setFile());
  }

  List<String> encode() {
    List<String> fields = new ArrayList<>();
    fields.add("render");
    fields.add(chart);
    fields.add(releaseName);
    fields.add(namespace);
    fields.add(kubeVersion);
    fields.add(Boolean.toString(noHooks));
    Frames.addList(fields, valuesFiles);
    Frames.addList(fields, set);
    Frames.addList(fields, setString);
    Frames.addList(fields, setFile);
    return fields;
  }

  static RenderJob decode(List<String> fields) {
    int[] at = {6};
    return new RenderJob(
        fields.get(1),
        fields.get(2),
        fields.get(3),
        fields.get(4),
        Boolean.parseBoolean(fields.get(5)),
        Frames.list(fields, at),
        Frames.list(fields, at),
        Frames.list(fields, at),
        Frames.list(fields, at));
  }

  Path chartPath() {
    return Path.of(chart);
  }
}
