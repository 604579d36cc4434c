/**
 * The Clarion API models, generated at build time from api-spec.
 *
 * <p>Both clients bind these classes reflectively: the blocking one with Jackson 2
 * ({@code com.fasterxml.jackson.databind}), the reactive one with Jackson 3 ({@code tools.jackson.databind}), and an
 * application may bind them with its own mapper. Today every member Jackson uses is public, which the export alone
 * allows; the package is also opened, to every module rather than to a list of mappers that would have to name both
 * Jackson generations and miss anyone else's, so that a generated field or creator that is not public, or a mapper
 * set to bind fields, works under the module system as it does on the class path.
 */
module com.clarionhealth.client.models {
  // The Jackson annotations (shared by Jackson 2 and 3) are the models' binding contract, read at run time. javac
  // counts annotations on public types as their API, hence transitive.
  requires transitive com.fasterxml.jackson.annotation;
  // @Generated, @Nullable and @Nonnull: part of the API for the same reason, so transitive; static because
  // nothing reads them at run time (@Generated is not even in the class files).
  requires static transitive jakarta.annotation;

  exports com.clarionhealth.client.model;
  opens com.clarionhealth.client.model;
}
