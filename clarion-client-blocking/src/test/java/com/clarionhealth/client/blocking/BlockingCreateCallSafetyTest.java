package com.clarionhealth.client.blocking;

import com.clarionhealth.client.contract.CreateCallSafetyContract;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;

class BlockingCreateCallSafetyTest extends CreateCallSafetyContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new BlockingDriver(config);
  }
}
