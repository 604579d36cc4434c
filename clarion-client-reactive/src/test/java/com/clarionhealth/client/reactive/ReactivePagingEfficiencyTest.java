package com.clarionhealth.client.reactive;

import com.clarionhealth.client.internal.PagingDriver;
import com.clarionhealth.client.internal.PagingEfficiency;

/** Request counts on realistic data through the reactive client's own loop. */
class ReactivePagingEfficiencyTest extends PagingEfficiency {
  @Override
  protected PagingDriver driver() {
    return ReactivePagingPropertiesTest.DRIVER;
  }
}
