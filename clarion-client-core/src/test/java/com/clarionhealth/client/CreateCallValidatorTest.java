package com.clarionhealth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.model.CreateCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateCallValidatorTest {
  private static CreateCall valid() {
    return new CreateCall().assistantId(7L).destinationPhoneNumber("+14155550123");
  }

  @Test
  void aValidCallPasses() {
    CreateCall call = valid().name("x".repeat(50)).sourcePhoneNumberId(3L);
    assertThat(CreateCallValidator.check(call)).isSameAs(call);
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    assertThatThrownBy(() -> CreateCallValidator.check(new CreateCall().destinationPhoneNumber("+14155550123")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("assistant_id is required");
    assertThatThrownBy(() -> CreateCallValidator.check(new CreateCall().assistantId(1L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("destination_phone_number is required");
    assertThatThrownBy(() -> CreateCallValidator.check(null)).hasMessage("createCall == null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"14155550123", "+04155550123", "+1 415 555 0123", "+1234567890123456", "+1", ""})
  void aNumberThatIsNotE164IsRefusedWithoutEchoingIt(String number) {
    assertThatThrownBy(() -> CreateCallValidator.check(valid().destinationPhoneNumber(number)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("destination_phone_number must be an E.164 number")
        .satisfies(e -> {
          if (!number.isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(number);
          }
        });
  }

  @Test
  void aNameOverFiftyCharactersIsRefused() {
    assertThatThrownBy(() -> CreateCallValidator.check(valid().name("x".repeat(51))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must be at most 50 characters, was 51");
  }
}
