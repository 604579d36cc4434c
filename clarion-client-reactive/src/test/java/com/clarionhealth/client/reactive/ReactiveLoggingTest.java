package com.clarionhealth.client.reactive;

import com.clarionhealth.client.contract.LoggingContract;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;

class ReactiveLoggingTest extends LoggingContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new ReactiveDriver(config);
  }
}
