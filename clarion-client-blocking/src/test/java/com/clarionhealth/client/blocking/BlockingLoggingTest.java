package com.clarionhealth.client.blocking;

import com.clarionhealth.client.contract.LoggingContract;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;

class BlockingLoggingTest extends LoggingContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new BlockingDriver(config);
  }
}
