package com.clarionhealth.client.reactive;

import com.clarionhealth.client.contract.CreateCallSafetyContract;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;

class ReactiveCreateCallSafetyTest extends CreateCallSafetyContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new ReactiveDriver(config);
  }
}
