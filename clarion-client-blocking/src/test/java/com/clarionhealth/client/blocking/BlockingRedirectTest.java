package com.clarionhealth.client.blocking;

import com.clarionhealth.client.contract.RedirectContract;
import com.clarionhealth.client.contract.ClientConfig;
import com.clarionhealth.client.contract.ClientDriver;

class BlockingRedirectTest extends RedirectContract {
  @Override
  protected ClientDriver driver(ClientConfig config) {
    return new BlockingDriver(config);
  }
}
