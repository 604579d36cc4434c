package com.clarionhealth.client.blocking;

import com.clarionhealth.client.contract.ListContract;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;

class BlockingListTest extends ListContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new BlockingDriver(config);
  }
}
