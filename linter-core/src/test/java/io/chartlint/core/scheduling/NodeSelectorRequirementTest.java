package io.chartlint.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeSelectorRequirementTest {
  private static final Map<String, String> VIRTUAL_KUBELET =
      Map.of("type", "virtual-kubelet", "kubernetes.io/os", "linux", "gpus", "4");
  private static final Map<String, String> PLAIN = Map.of("kubernetes.io/os", "linux");

  private static NodeSelectorRequirement req(String key, String operator, String... values) {
    return NodeSelectorRequirement.of(key, operator, values);
  }

  @Test
  void inMatchesOnlyWhenTheLabelHasOneOfTheValues() {
    assertThat(req("type", "In", "kwok", "virtual-kubelet").matchesLabels(VIRTUAL_KUBELET))
        .isTrue();
    assertThat(req("type", "In", "kwok").matchesLabels(VIRTUAL_KUBELET)).isFalse();
    assertThat(req("type", "In", "virtual-kubelet").matchesLabels(PLAIN)).isFalse();
  }

  @Test
  void inComparesValuesCaseSensitively() {
    assertThat(req("type", "In", "Virtual-Kubelet").matchesLabels(VIRTUAL_KUBELET)).isFalse();
  }

  @Test
  void notInMatchesNodeWithoutTheLabel() {
    assertThat(req("type", "NotIn", "virtual-kubelet").matchesLabels(PLAIN)).isTrue();
  }

  @Test
  void notInFailsWhenTheLabelHasAListedValue() {
    assertThat(req("type", "NotIn", "kwok", "virtual-kubelet").matchesLabels(VIRTUAL_KUBELET))
        .isFalse();
    assertThat(req("type", "NotIn", "kwok").matchesLabels(VIRTUAL_KUBELET)).isTrue();
  }

  @Test
  void existsNeedsTheKeyWhateverItsValue() {
    assertThat(req("type", "Exists").matchesLabels(VIRTUAL_KUBELET)).isTrue();
    assertThat(req("type", "Exists").matchesLabels(PLAIN)).isFalse();
    assertThat(req("empty", "Exists").matchesLabels(Map.of("empty", ""))).isTrue();
  }

  @Test
  void doesNotExistMatchesNodeWithoutTheLabel() {
    assertThat(req("type", "DoesNotExist").matchesLabels(PLAIN)).isTrue();
    assertThat(req("type", "DoesNotExist").matchesLabels(VIRTUAL_KUBELET)).isFalse();
  }

  @Test
  void gtAndLtCompareTheNodeValueStrictlyAsLeftOperand() {
    assertThat(req("gpus", "Gt", "3").matchesLabels(VIRTUAL_KUBELET)).isTrue();
    assertThat(req("gpus", "Gt", "4").matchesLabels(VIRTUAL_KUBELET)).isFalse();
    assertThat(req("gpus", "Lt", "5").matchesLabels(VIRTUAL_KUBELET)).isTrue();
    assertThat(req("gpus", "Lt", "4").matchesLabels(VIRTUAL_KUBELET)).isFalse();
  }

  @Test
  void gtAndLtNeverMatchAMissingOrNonIntegerLabel() {
    assertThat(req("gpus", "Gt", "0").matchesLabels(PLAIN)).isFalse();
    assertThat(req("gpus", "Lt", "9").matchesLabels(PLAIN)).isFalse();
    assertThat(req("type", "Gt", "0").matchesLabels(VIRTUAL_KUBELET)).isFalse();
    assertThat(req("type", "Lt", "9").matchesLabels(VIRTUAL_KUBELET)).isFalse();
  }

  @Test
  void gtAndLtReadLeadingZerosAsDecimal() {
    assertThat(req("gpus", "Gt", "003").matchesLabels(VIRTUAL_KUBELET)).isTrue();
    assertThat(req("gpus", "Gt", "003").labelParseErrors()).isEmpty();
    assertThat(req("gpus", "Lt", "5").matchesLabels(Map.of("gpus", "004"))).isTrue();
  }

  @Test
  void gtAndLtDoNotReadNonAsciiDigitsAsGoParseIntWouldNot() {
    assertThat(req("gpus", "Gt", "1").matchesLabels(Map.of("gpus", "\u0664"))).isFalse();
  }

  @Test
  void gtAndLtNeverMatchALabelOutsideInt64() {
    assertThat(req("big", "Gt", "1").matchesLabels(Map.of("big", "9223372036854775808"))).isFalse();
    assertThat(req("big", "Gt", "1").matchesLabels(Map.of("big", "9223372036854775807"))).isTrue();
  }

  @Test
  void parsesEveryValidRequirement() {
    assertThat(req("type", "In", "kwok").labelParseErrors()).isEmpty();
    assertThat(req("type", "NotIn", "kwok", "").labelParseErrors()).isEmpty();
    assertThat(req("type", "Exists").labelParseErrors()).isEmpty();
    assertThat(req("type", "DoesNotExist").labelParseErrors()).isEmpty();
    assertThat(req("gpus", "Gt", "1").labelParseErrors()).isEmpty();
    assertThat(req("gpus", "Lt", "0").labelParseErrors()).isEmpty();
  }

  @Test
  void inAndNotInWithoutValuesDoNotParse() {
    assertThat(req("type", "In").labelParseErrors()).singleElement().asString().contains("empty");
    assertThat(req("type", "NotIn").labelParseErrors()).isNotEmpty();
  }

  @Test
  void existsAndDoesNotExistWithValuesDoNotParse() {
    assertThat(req("type", "Exists", "kwok").labelParseErrors()).isNotEmpty();
    assertThat(req("type", "DoesNotExist", "kwok").labelParseErrors()).isNotEmpty();
  }

  @Test
  void gtAndLtNeedExactlyOneIntegerValue() {
    assertThat(req("gpus", "Gt").labelParseErrors()).isNotEmpty();
    assertThat(req("gpus", "Gt", "1", "2").labelParseErrors()).isNotEmpty();
    assertThat(req("gpus", "Lt", "abc").labelParseErrors()).isNotEmpty();
    assertThat(req("gpus", "Lt", "99999999999999999999").labelParseErrors()).isNotEmpty();
  }

  @Test
  void signedGtValueIsAnInvalidLabelValue() {
    assertThat(req("gpus", "Gt", "-5").labelParseErrors())
        .singleElement()
        .asString()
        .contains("not a valid label value");
    assertThat(req("gpus", "Gt", "+5").labelParseErrors()).isNotEmpty();
  }

  @Test
  void everyValueMustBeAValidLabelValue() {
    assertThat(req("type", "In", "ok", "-bad").labelParseErrors()).isNotEmpty();
    assertThat(req("type", "NotIn", "has space").labelParseErrors()).isNotEmpty();
  }

  @Test
  void invalidKeyDoesNotParse() {
    assertThat(req("Example.com/type", "Exists").labelParseErrors()).isNotEmpty();
    assertThat(req("", "Exists").labelParseErrors()).isNotEmpty();
  }

  @Test
  void unknownOperatorDoesNotParse() {
    assertThat(req("type", "Equals", "kwok").labelParseErrors()).isNotEmpty();
    assertThat(req("type", "in", "kwok").labelParseErrors()).isNotEmpty();
    assertThat(req("type", "", "kwok").labelParseErrors()).isNotEmpty();
  }

  @Test
  void fieldRequirementsAcceptOnlyInAndNotInWithOneValue() {
    assertThat(req("metadata.name", "In", "n1").fieldParseErrors()).isEmpty();
    assertThat(req("metadata.name", "NotIn", "n1").fieldParseErrors()).isEmpty();
    assertThat(req("metadata.name", "In", "n1", "n2").fieldParseErrors()).isNotEmpty();
    assertThat(req("metadata.name", "NotIn").fieldParseErrors()).isNotEmpty();
    assertThat(req("metadata.name", "Exists").fieldParseErrors()).isNotEmpty();
  }

  @Test
  void fieldRequirementsCompareTheNodeName() {
    Map<String, String> fields = Map.of("metadata.name", "n1");
    assertThat(req("metadata.name", "In", "n1").matchesFields(fields)).isTrue();
    assertThat(req("metadata.name", "In", "n2").matchesFields(fields)).isFalse();
    assertThat(req("metadata.name", "NotIn", "n1").matchesFields(fields)).isFalse();
    assertThat(req("metadata.name", "NotIn", "n2").matchesFields(fields)).isTrue();
  }

  @Test
  void unknownFieldReadsAsEmpty() {
    Map<String, String> fields = Map.of("metadata.name", "n1");
    assertThat(req("spec.unschedulable", "In", "n1").matchesFields(fields)).isFalse();
    assertThat(req("spec.unschedulable", "NotIn", "n1").matchesFields(fields)).isTrue();
  }

  @Test
  void shortFormRoundTrips() {
    for (String text :
        List.of(
            "type NotIn [virtual-kubelet, kwok]",
            "virtual-node.interlink/type DoesNotExist",
            "k8s.aliyun.com/vnode NotIn [true]")) {
      assertThat(NodeSelectorRequirement.parse(text)).hasToString(text);
    }
    assertThat(NodeSelectorRequirement.parse("type NotIn [kwok]"))
        .isEqualTo(req("type", "NotIn", "kwok"));
    assertThat(NodeSelectorRequirement.parse("kwok.x-k8s.io/node DoesNotExist").values()).isEmpty();
  }

  @Test
  void shortFormWithoutOperatorIsRefused() {
    assertThatThrownBy(() -> NodeSelectorRequirement.parse("type"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
