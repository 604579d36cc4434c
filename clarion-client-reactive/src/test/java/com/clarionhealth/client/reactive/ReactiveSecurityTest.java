package com.clarionhealth.client.reactive;

import com.clarionhealth.client.contract.SecurityContract;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;

class ReactiveSecurityTest extends SecurityContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new ReactiveDriver(config);
  }
}
