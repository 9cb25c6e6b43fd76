package io.chartlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartlint.core.scheduling.Exclusions;
import io.chartlint.core.scheduling.NodeSelectorRequirement;
import io.chartlint.core.scheduling.NodeSelectorTerm;
import io.chartlint.core.scheduling.PodPlacement;
import io.chartlint.core.scheduling.Scheduling;
import io.chartlint.core.scheduling.SimulatedNode;
import io.chartlint.core.scheduling.Taint;
import io.chartlint.core.scheduling.Toleration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

class VirtualNodeCatalogueTest {
  private static final String DIRECTORY = "/io/chartlint/rules/virtual-nodes/";
  private static final String TYPE = "chartlint.io/virtual-node";
  private static final String DESCRIPTION = "chartlint.io/virtual-node-description";
  private static final String SOURCE = "chartlint.io/virtual-node-source";
  private static final String EXCLUSION = "chartlint.io/virtual-node-exclusion";

  /** A DaemonSet that tolerates every taint and has no affinity: it fits every virtual node. */
  private static final PodPlacement TOLERATES_ALL =
      new PodPlacement(Map.of(), null, List.of(Toleration.of("", "Exists", "", "")), true, true);

  /** An ordinary node, as kubeadm or a cloud provider registers it. */
  private static final SimulatedNode REAL_NODE =
      new SimulatedNode(
          "ip-10-0-1-17.ec2.internal",
          Map.of(
              "kubernetes.io/os", "linux",
              "kubernetes.io/arch", "amd64",
              "kubernetes.io/hostname", "ip-10-0-1-17.ec2.internal",
              "node.kubernetes.io/instance-type", "m5.large",
              "eks.amazonaws.com/compute-type", "ec2",
              "topology.kubernetes.io/zone", "us-east-1a"),
          Map.of(),
          List.of());

  static List<String> typeIds() {
    try (InputStream stream = open("index.yaml")) {
      Map<String, Object> index = new Yaml().load(stream);
      @SuppressWarnings("unchecked")
      List<String> ids = (List<String>) index.get("virtualNodeTypes");
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void indexListsEveryCatalogueFileOnce() throws IOException, URISyntaxException {
    URL directory = VirtualNodeCatalogueTest.class.getResource(DIRECTORY);
    assertThat(directory).isNotNull();
    List<String> files;
    try (Stream<Path> listing = Files.list(Path.of(directory.toURI()))) {
      files =
          listing
              .map(path -> path.getFileName().toString())
              .filter(name -> !name.equals("index.yaml"))
              .map(name -> name.replaceFirst("\\.yaml$", ""))
              .toList();
    }
    assertThat(typeIds()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void indexCoversEveryVerifiedType() {
    assertThat(typeIds())
        .containsExactly(
            "virtual-kubelet",
            "azure-aci",
            "azure-virtual-nodes-v2",
            "alibaba-ack-eci",
            "alibaba-eci-vnode",
            "tencent-tke-supernode",
            "admiralty",
            "liqo",
            "interlink",
            "kwok",
            "karpenter-kwok",
            "fake-kubelet",
            "eks-fargate");
  }

  @ParameterizedTest
  @MethodSource("typeIds")
  void everyDocumentIsANamedNodeWithStringLabels(String typeId) {
    List<Map<String, Object>> documents = documents(typeId);
    assertThat(documents).isNotEmpty();
    for (Map<String, Object> document : documents) {
      assertThat(document).containsEntry("apiVersion", "v1").containsEntry("kind", "Node");
      Map<String, Object> metadata = map(document.get("metadata"));
      assertThat(metadata.get("name")).isInstanceOf(String.class);
      assertThat(map(metadata.get("labels"))).isNotEmpty();
      for (String field : List.of("labels", "annotations")) {
        map(metadata.get(field))
            .forEach(
                (key, value) -> {
                  assertThat(value).as(typeId + " " + key).isInstanceOf(String.class);
                  assertThat(NodeSelectorRequirement.of(key, "Exists").labelParseErrors())
                      .as(typeId + " key " + key)
                      .isEmpty();
                });
      }
      map(metadata.get("labels"))
          .forEach(
              (key, value) ->
                  assertThat(
                          NodeSelectorRequirement.of(key, "In", (String) value).labelParseErrors())
                      .as(typeId + " label " + key)
                      .isEmpty());
    }
  }

  @ParameterizedTest
  @MethodSource("typeIds")
  void everyNodeCarriesTheCatalogueAnnotations(String typeId) {
    for (SimulatedNode node : nodes(typeId)) {
      assertThat(node.annotations()).as(node.name()).containsEntry(TYPE, typeId);
      for (String annotation : List.of(DESCRIPTION, SOURCE, EXCLUSION)) {
        assertThat(node.annotations().get(annotation))
            .as(node.name() + " " + annotation)
            .isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("typeIds")
  void everyNodeOfATypeHasTheSameExclusion(String typeId) {
    assertThat(nodes(typeId).stream().map(node -> node.annotations().get(EXCLUSION)).distinct())
        .hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("typeIds")
  void taintsAreWellFormed(String typeId) {
    for (SimulatedNode node : nodes(typeId)) {
      for (Taint taint : node.taints()) {
        assertThat(taint.effect()).isIn("NoSchedule", "PreferNoSchedule", "NoExecute");
        assertThat(NodeSelectorRequirement.of(taint.key(), "In", taint.value()).labelParseErrors())
            .isEmpty();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("typeIds")
  void aDaemonSetThatToleratesEverythingFitsEveryNode(String typeId) {
    for (SimulatedNode node : nodes(typeId)) {
      assertThat(Scheduling.fits(TOLERATES_ALL, node)).as(node.name()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("typeIds")
  void exclusionParsesAndExcludesEveryNodeOfItsType(String typeId) {
    for (SimulatedNode node : nodes(typeId)) {
      NodeSelectorRequirement exclusion = exclusion(node);
      assertThat(exclusion.labelParseErrors()).as(node.name()).isEmpty();
      assertThat(exclusion.operator()).isIn("NotIn", "DoesNotExist");
      assertThat(Exclusions.excludes(exclusion, node)).as(node.name()).isTrue();
      PodPlacement excluded =
          TOLERATES_ALL.withRequiredTerms(List.of(NodeSelectorTerm.ofExpressions(exclusion)));
      assertThat(Scheduling.fits(excluded, node)).as(node.name()).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("typeIds")
  void exclusionLetsOrdinaryNodesIn(String typeId) {
    for (SimulatedNode node : nodes(typeId)) {
      assertThat(Exclusions.excludes(exclusion(node), REAL_NODE)).as(node.name()).isFalse();
    }
  }

  @Test
  void mergedExclusionsKeepADaemonSetOffEveryCatalogueNode() {
    List<SimulatedNode> all = typeIds().stream().flatMap(id -> nodes(id).stream()).toList();
    List<NodeSelectorRequirement> merged =
        Exclusions.merge(all.stream().map(VirtualNodeCatalogueTest::exclusion).toList());
    assertThat(merged)
        .extracting(NodeSelectorRequirement::toString)
        .contains("type NotIn [virtual-kubelet, kwok, fake-kubelet]")
        .filteredOn(text -> text.startsWith("type "))
        .hasSize(1);
    PodPlacement fixed =
        TOLERATES_ALL.withRequiredTerms(List.of(new NodeSelectorTerm(merged, List.of())));
    assertThat(all).noneMatch(node -> Scheduling.fits(fixed, node));
    assertThat(Scheduling.fits(fixed, REAL_NODE)).isTrue();
  }

  @Test
  void kwokAnnotationIsNotAKwokExclusion() {
    NodeSelectorRequirement annotationKey =
        NodeSelectorRequirement.parse("kwok.x-k8s.io/node DoesNotExist");
    assertThat(nodes("kwok")).noneMatch(node -> Exclusions.excludes(annotationKey, node));
    assertThat(nodes("karpenter-kwok")).allMatch(node -> Exclusions.excludes(annotationKey, node));
  }

  @Test
  void osNotInVirtualKubeletIsNotHowInterlinkIsExcluded() {
    assertThat(nodes("interlink"))
        .allMatch(node -> node.labels().containsKey("virtual-node.interlink/type"))
        .noneMatch(node -> node.labels().containsKey("type"));
  }

  @Test
  void liqoShipsBothLabelSets() {
    assertThat(nodes("liqo"))
        .extracting(node -> node.labels().get("type"))
        .containsExactly(null, "virtual-kubelet");
    assertThat(nodes("liqo"))
        .allSatisfy(
            node ->
                assertThat(node.taints())
                    .extracting(Taint::effect)
                    .containsExactly(Taint.NO_EXECUTE));
  }

  @Test
  void virtualKubeletAndKwokShipATaintedAndAnUntaintedNode() {
    for (String typeId : List.of("virtual-kubelet", "kwok")) {
      assertThat(nodes(typeId))
          .as(typeId)
          .extracting(node -> node.taints().isEmpty())
          .containsExactlyInAnyOrder(true, false);
    }
  }

  private static NodeSelectorRequirement exclusion(SimulatedNode node) {
    return NodeSelectorRequirement.parse(node.annotations().get(EXCLUSION));
  }

  private static List<SimulatedNode> nodes(String typeId) {
    List<SimulatedNode> nodes = new ArrayList<>();
    for (Map<String, Object> document : documents(typeId)) {
      Map<String, Object> metadata = map(document.get("metadata"));
      List<Taint> taints = new ArrayList<>();
      Object spec = document.get("spec");
      if (spec != null && map(spec).get("taints") instanceof List<?> list) {
        for (Object entry : list) {
          Map<String, Object> taint = map(entry);
          taints.add(
              new Taint(
                  (String) taint.get("key"),
                  (String) taint.get("value"),
                  (String) taint.get("effect")));
        }
      }
      nodes.add(
          new SimulatedNode(
              (String) metadata.get("name"),
              strings(metadata.get("labels")),
              strings(metadata.get("annotations")),
              taints));
    }
    return nodes;
  }

  private static List<Map<String, Object>> documents(String typeId) {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (InputStream stream = open(typeId + ".yaml")) {
      for (Object document : new Yaml().loadAll(stream)) {
        if (document != null) {
          documents.add(map(document));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  private static InputStream open(String file) {
    InputStream stream = VirtualNodeCatalogueTest.class.getResourceAsStream(DIRECTORY + file);
    if (stream == null) {
      throw new UncheckedIOException(new IOException("missing catalogue file " + file));
    }
    return stream;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> strings = new LinkedHashMap<>();
    map(value).forEach((key, entry) -> strings.put(key, String.valueOf(entry)));
    return strings;
  }
}
