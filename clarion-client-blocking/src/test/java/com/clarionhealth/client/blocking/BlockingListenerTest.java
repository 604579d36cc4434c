package com.clarionhealth.client.blocking;

import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;
import com.clarionhealth.client.contract.ListenerContract;

class BlockingListenerTest extends ListenerContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new BlockingDriver(config);
  }
}
