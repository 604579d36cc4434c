package com.clarionhealth.client.reactive;

import com.clarionhealth.client.contract.RedirectContract;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;

class ReactiveRedirectTest extends RedirectContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new ReactiveDriver(config);
  }
}
