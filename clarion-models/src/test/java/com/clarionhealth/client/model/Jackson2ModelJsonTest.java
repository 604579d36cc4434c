package com.clarionhealth.client.model;

/** The model contract with Jackson 2 (jackson-databind 2 + jsr310), as the blocking client decodes. */
class Jackson2ModelJsonTest extends ModelJsonContract {

  @Override
  Codec codec() {
    return new Jackson2Codec();
  }
}
