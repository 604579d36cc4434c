/**
 * What the blocking and the reactive Clarion clients share.
 *
 * <p>{@code com.clarionhealth.client} is API: the query, page and parameter types and the exceptions.
 * {@code com.clarionhealth.client.internal} is not: it is exported only to the two client modules, so that no other
 * module (an application, the testkit, the command-line tool) can compile or link against it.
 */
module com.clarionhealth.client.core {
  // CallPage and CreateCallValidator expose the models' types.
  requires transitive com.clarionhealth.client.models;
  // The request engine logs every exchange and retry, for both clients.
  requires org.slf4j;
  // Jackson2Codec (internal), the Jackson 2 binding of both clients. Static: the blocking client requires Jackson 2
  // itself, and the reactive client builds that codec only where the application has it.
  requires static com.fasterxml.jackson.databind;
  requires static com.fasterxml.jackson.datatype.jsr310;

  exports com.clarionhealth.client;
  exports com.clarionhealth.client.internal to
      com.clarionhealth.client.blocking,
      com.clarionhealth.client.reactive;
}
