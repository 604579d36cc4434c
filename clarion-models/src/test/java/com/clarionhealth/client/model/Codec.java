package com.clarionhealth.client.model;

import java.util.List;

/** One JSON library's way to decode and encode the models; the contract tests run against each. */
interface Codec {

  <T> T read(String json, Class<T> type);

  List<Call> readCalls(String json);

  List<Message> readMessages(String json);

  String write(Object value);
}
