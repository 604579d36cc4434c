package com.clarionhealth.client.model;

/** The model contract with Jackson 3 (tools.jackson databind), as the reactive client decodes. */
class Jackson3ModelJsonTest extends ModelJsonContract {

  @Override
  Codec codec() {
    return new Jackson3Codec();
  }
}
