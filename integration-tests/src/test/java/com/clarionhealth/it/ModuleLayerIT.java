package com.clarionhealth.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The blocking client run as a module: a layer resolved from the built jars and the dependency jars (as
 * {@code java --module-path ... --add-modules com.clarionhealth.client.blocking} would), with nothing from
 * the test class path visible to it. It makes a real {@code GET /call} and {@code POST /call}, so core's
 * qualified export to blocking and Jackson 2's reflective binding of the models both work under module
 * encapsulation, not only on a class path. The same models are then bound by Jackson 3, the reactive
 * client's mapper, in a layer of their own.
 */
class ModuleLayerIT {
  private static final String CALL_JSON = "{\"id\":101,\"assistant_id\":42,"
      + "\"started_at\":\"2026-01-05T10:15:30.123Z\",\"call_status\":\"ended\",\"np_field\":[1],"
      + "\"messages\":[{\"role\":\"bot\",\"message\":\"Hello\"},{\"role\":\"user\",\"message\":\"Hi\"},"
      + "{\"role\":\"np_narrator\",\"message\":\"?\"}]}";
  private static final String CREATE_JSON =
      "{\"name\":\"JPMS\",\"assistant_id\":42,\"destination_phone_number\":\"+14155550123\"}";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @Test
  void theBlockingClientListsAndCreatesCallsAsAModule() throws Exception {
    ModuleLayer layer = layer(BuiltJars.explicitModulesOnClassPath(), BuiltJars.BLOCKING.moduleName);
    // Each of our modules comes from its built jar (and so from its module-info), not from elsewhere.
    for (BuiltJars jar : List.of(BuiltJars.MODELS, BuiltJars.CORE, BuiltJars.BLOCKING)) {
      assertThat(layer.configuration().findModule(jar.moduleName).orElseThrow().reference().location())
          .contains(jar.jar().toUri());
    }
    assertThat(layer.configuration().modules()).extracting(ResolvedModule::name)
        .contains("com.fasterxml.jackson.databind", "com.fasterxml.jackson.datatype.jsr310")
        .noneMatch(ModuleDescriptorsIT::isReactiveStack);
    assertThat(isOpenTo(layer, "com.fasterxml.jackson.databind")).isTrue();

    server.stubFor(get(urlPathEqualTo("/call")).willReturn(json("[" + CALL_JSON + ",{\"id\":102}]")));
    server.stubFor(post(urlPathEqualTo("/call")).willReturn(json(CALL_JSON)));

    Class<?> clientClass = layer.findLoader(BuiltJars.BLOCKING.moduleName)
        .loadClass("com.clarionhealth.client.blocking.ClarionClient");
    assertThat(clientClass.getModule().getName()).isEqualTo(BuiltJars.BLOCKING.moduleName);
    assertThat(clientClass.getModule().getLayer()).isSameAs(layer);
    Object builder = invoke(clientClass, "builder");
    invoke(builder, "apiKey", "sk_test_jpms");
    invoke(builder, "baseUrl", server.baseUrl());
    invoke(builder, "maxRetries", 0);
    Object calls = invoke(invoke(builder, "build"), "calls");

    List<?> listed = (List<?>) invoke(calls, "list");
    assertThat(listed).hasSize(2);
    assertIsTheCall(listed.get(0));
    assertThat(invoke(listed.get(1), "getId")).isEqualTo(102L);

    Class<?> createCallClass = layer.findLoader(BuiltJars.MODELS.moduleName)
        .loadClass("com.clarionhealth.client.model.CreateCall");
    Object createCall = createCallClass.getConstructor().newInstance();
    invoke(createCall, "name", "JPMS");
    invoke(createCall, "assistantId", 42L);
    invoke(createCall, "destinationPhoneNumber", "+14155550123");
    assertIsTheCall(invoke(calls, "create", createCall));

    // Jackson 2 wrote the request from the module's CreateCall: the three fields set, no nulls.
    server.verify(postRequestedFor(urlPathEqualTo("/call")).withRequestBody(equalToJson(CREATE_JSON)));
    // Inside a named module the package has no manifest version; the client still knows its own.
    server.verify(getRequestedFor(urlPathEqualTo("/call")).withHeader("User-Agent",
        matching(Pattern.quote("clarion-java-blocking/" + BuiltJars.VERSION + " Java/") + "\\S+")));
  }

  @Test
  void jackson3BindsTheModelsAsAModule() throws Exception {
    ModuleLayer layer = layer(BuiltJars.explicitModulesOnClassPath(), BuiltJars.MODELS.moduleName,
        "tools.jackson.databind");
    assertThat(isOpenTo(layer, "tools.jackson.databind")).isTrue();
    ClassLoader loader = layer.findLoader("tools.jackson.databind");
    Object mapper = loader.loadClass("tools.jackson.databind.json.JsonMapper").getConstructor().newInstance();
    Class<?> callClass = layer.findLoader(BuiltJars.MODELS.moduleName)
        .loadClass("com.clarionhealth.client.model.Call");
    Class<?> createCallClass = callClass.getClassLoader().loadClass("com.clarionhealth.client.model.CreateCall");

    Method readValue = mapper.getClass().getMethod("readValue", String.class, Class.class);
    assertIsTheCall(unwrapped(() -> readValue.invoke(mapper, CALL_JSON, callClass)));

    Method writeValue = mapper.getClass().getMethod("writeValueAsString", Object.class);
    Object createCall = unwrapped(() -> readValue.invoke(mapper, CREATE_JSON, createCallClass));
    assertThat(invoke(createCall, "getDestinationPhoneNumber")).isEqualTo("+14155550123");
    String written = (String) unwrapped(() -> writeValue.invoke(mapper, createCall));
    ObjectMapper plain = new ObjectMapper();
    assertThat(plain.readTree(written)).isEqualTo(plain.readTree(CREATE_JSON));
  }

  /**
   * A layer over the boot layer whose class loader's parent is the platform loader: the modules see the JDK
   * and each other, never the test class path that also holds these classes.
   */
  static ModuleLayer layer(ModuleFinder finder, String... roots) {
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration = boot.configuration().resolve(finder, ModuleFinder.of(), Set.of(roots));
    return boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
  }

  /**
   * Whether the model package is open to that mapper module in the layer. The mappers bind through public
   * members today, which the export alone allows: the opens is for whatever is not public.
   */
  private static boolean isOpenTo(ModuleLayer layer, String mapperModule) {
    Module models = layer.findModule(BuiltJars.MODELS.moduleName).orElseThrow();
    return models.isOpen("com.clarionhealth.client.model", layer.findModule(mapperModule).orElseThrow());
  }

  /** CALL_JSON as the models read it: the date through java.time, the messages by their role. */
  private static void assertIsTheCall(Object call) throws Exception {
    assertThat(call.getClass().getModule().getName()).isEqualTo(BuiltJars.MODELS.moduleName);
    assertThat(invoke(call, "getId")).isEqualTo(101L);
    assertThat(invoke(call, "getAssistantId")).isEqualTo(42L);
    assertThat(invoke(call, "getStartedAt")).isEqualTo(OffsetDateTime.parse("2026-01-05T10:15:30.123Z"));
    assertThat(invoke(invoke(call, "getCallStatus"), "value")).isEqualTo("ended");
    List<?> messages = (List<?>) invoke(call, "getMessages");
    assertThat(messages).extracting(m -> m.getClass().getSimpleName())
        .containsExactly("BotMessage", "UserMessage", "Message");
    assertThat(messages).extracting(m -> {
      try {
        return invoke(m, "getMessage");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).containsExactly("Hello", "Hi", "?");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  /**
   * Calls the public method {@code name} of {@code target} (or the static one, for a Class) with as many
   * arguments as given; the first method of that name and arity. An exception it throws is rethrown as is.
   */
  static Object invoke(Object target, String name, Object... args) throws Exception {
    boolean isStatic = target instanceof Class;
    Class<?> type = isStatic ? (Class<?>) target : target.getClass();
    Method method = Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
        .findFirst()
        .orElseThrow(() -> new AssertionError(type.getName() + " has no public " + name + "/" + args.length
            + ": " + Arrays.stream(type.getMethods()).map(Method::getName).collect(Collectors.toSet())));
    return unwrapped(() -> method.invoke(isStatic ? null : target, args));
  }

  private interface Reflective {
    Object call() throws Exception;
  }

  private static Object unwrapped(Reflective call) throws Exception {
    try {
      return call.call();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw (Error) cause;
    }
  }
}
