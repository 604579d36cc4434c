package com.clarionhealth.client.reactive;

import com.clarionhealth.client.contract.ErrorMappingContract;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;

class ReactiveErrorMappingTest extends ErrorMappingContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new ReactiveDriver(config);
  }
}
