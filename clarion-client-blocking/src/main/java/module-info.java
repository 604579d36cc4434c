/**
 * The blocking Clarion client, on the JDK's HTTP client and Jackson 2. It requires no Reactor and no Spring module.
 */
module com.clarionhealth.client.blocking {
  // Calls takes and returns core's CallQuery, ListCallsParams and CallPage, and throws core's exceptions ...
  requires transitive com.clarionhealth.client.core;
  // ... and the models' Call and CreateCall (already transitive through core; said here because Calls shows them).
  requires transitive com.clarionhealth.client.models;
  // ClarionClient.Builder#httpClient takes a java.net.http.HttpClient.
  requires transitive java.net.http;

  // Core's Jackson2Codec binds this client's JSON; core only requires Jackson 2 statically, so these are what bring
  // it into the module graph.
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires org.slf4j;

  exports com.clarionhealth.client.blocking;
}
