package pcsh.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Contract;
import feign.MethodMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feign's reading of the API interface, made once and shared by every client. */
class ApiContractTest {

  @Test
  void theInterfaceIsReadOnceAndAsFeignReadsIt() {
    List<MethodMetadata> first =
        ApiContract.INSTANCE.parseAndValidateMetadata(PartnerCenterApi.class);

    List<MethodMetadata> again =
        ApiContract.INSTANCE.parseAndValidateMetadata(PartnerCenterApi.class);

    assertThat(again).isSameAs(first);
    List<MethodMetadata> feigns =
        new Contract.Default().parseAndValidateMetadata(PartnerCenterApi.class);
    assertThat(first)
        .extracting(MethodMetadata::configKey)
        .containsExactlyElementsOf(feigns.stream().map(MethodMetadata::configKey).toList());
    assertThat(first)
        .extracting(m -> m.template().method() + " " + m.template().url())
        .containsExactlyElementsOf(
            feigns.stream().map(m -> m.template().method() + " " + m.template().url()).toList());
    assertThatThrownBy(() -> first.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }
}
