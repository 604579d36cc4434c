package com.clarionhealth.client.blocking;

import com.clarionhealth.client.contract.CreateContract;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;

class BlockingCreateTest extends CreateContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new BlockingDriver(config);
  }
}
