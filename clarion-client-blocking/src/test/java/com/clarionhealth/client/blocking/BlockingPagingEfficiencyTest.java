package com.clarionhealth.client.blocking;

import com.clarionhealth.client.internal.PagingDriver;
import com.clarionhealth.client.internal.PagingEfficiency;

/** Request counts on realistic data through the blocking client's own loop. */
class BlockingPagingEfficiencyTest extends PagingEfficiency {
  @Override
  protected PagingDriver driver() {
    return BlockingPagingPropertiesTest.DRIVER;
  }
}
