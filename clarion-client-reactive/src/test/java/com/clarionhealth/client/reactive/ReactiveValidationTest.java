package com.clarionhealth.client.reactive;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.ValidationContract;
import com.clarionhealth.client.model.CreateCall;
import org.junit.jupiter.api.Test;

class ReactiveValidationTest extends ValidationContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new ReactiveDriver(config);
  }

  /**
   * Reactive only: arguments are refused at assembly, by the method call itself: no publisher is even
   * returned to subscribe to (the contract's driver subscribes at once, so it cannot tell).
   */
  @Test
  void invalidArgumentsAreRefusedAtAssemblyWithoutSubscribing() {
    ReactiveCalls calls = ReactiveDriver.builder(api.config()).build().calls();

    assertThatIllegalArgumentException().isThrownBy(() -> calls.create(new CreateCall().assistantId(7L)))
        .withMessageContaining("destination_phone_number");
    assertThatNullPointerException().isThrownBy(() -> calls.create(null));
    assertThatNullPointerException().isThrownBy(() -> calls.list((ListCallsParams) null));
    assertThatNullPointerException().isThrownBy(() -> calls.stream(null));
    assertThatNullPointerException().isThrownBy(() -> calls.pages(null));
  }
}
