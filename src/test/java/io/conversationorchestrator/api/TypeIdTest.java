package io.conversationorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Vectors from the TypeID specification's valid and invalid suffix lists. */
class TypeIdTest {

  @Test
  void encodesSpecificationVectors() {
    assertThat(TypeId.encode(new UUID(0, 0))).isEqualTo("00000000000000000000000000");
    assertThat(TypeId.encode(new UUID(0, 1))).isEqualTo("00000000000000000000000001");
    assertThat(TypeId.encode(new UUID(-1, -1))).isEqualTo("7zzzzzzzzzzzzzzzzzzzzzzzzz");
    assertThat(TypeId.encode(UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057")))
        .isEqualTo("01h455vb4pex5vsknk084sn02q");
  }

  @Test
  void decodesWhatItEncodes() {
    for (int i = 0; i < 1000; i++) {
      UUID uuid = ResourceType.newUuid();
      assertThat(TypeId.decode(TypeId.encode(uuid))).contains(uuid);
    }
  }

  @Test
  void rejectsMalformedSuffixes() {
    assertThat(TypeId.decode("8zzzzzzzzzzzzzzzzzzzzzzzzz")).isEmpty();
    assertThat(TypeId.decode("01h455vb4pex5vsknk084sn02")).isEmpty();
    assertThat(TypeId.decode("01h455vb4pex5vsknk084sn02qq")).isEmpty();
    assertThat(TypeId.decode("01h455vb4pex5vsknk084sn0iu")).isEmpty();
    assertThat(TypeId.decode("01H455VB4PEX5VSKNK084SN02Q")).isEmpty();
    assertThat(TypeId.decode(null)).isEmpty();
  }

  @Test
  void publicIdsCarryTheirPrefixAndSortByCreation() {
    UUID first = ResourceType.newUuid();
    UUID second = ResourceType.newUuid();
    String a = ResourceType.CONVERSATION.format(first);
    String b = ResourceType.CONVERSATION.format(second);
    assertThat(a).startsWith("conv_conversation_").hasSize("conv_conversation_".length() + 26);
    assertThat(a.compareTo(b)).isNegative();
    assertThat(ResourceType.CONVERSATION.parse(a)).contains(first);
    assertThat(ResourceType.PARTICIPANT.parse(a)).isEmpty();
    assertThat(ResourceType.CONVERSATION.parse("conv_conversation_x")).isEmpty();
  }
}
