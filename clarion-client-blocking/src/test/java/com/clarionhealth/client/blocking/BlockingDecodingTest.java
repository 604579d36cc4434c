package com.clarionhealth.client.blocking;

import com.clarionhealth.client.contract.DecodingContract;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;

class BlockingDecodingTest extends DecodingContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new BlockingDriver(config);
  }
}
