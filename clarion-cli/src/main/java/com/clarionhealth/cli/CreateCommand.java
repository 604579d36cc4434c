package com.clarionhealth.cli;

import com.clarionhealth.client.CreateCallValidator;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code clarion calls create}: places one call (this rings a phone) and prints it. */
@Command(name = "create", mixinStandardHelpOptions = true,
    description = "Place one call and print it as JSON. Against Clarion this rings the number.")
final class CreateCommand implements Callable<Integer> {
  @ParentCommand
  CallsCommand calls;

  @Mixin
  GlobalOptions global;

  @Option(names = "--assistant", paramLabel = "ID", required = true, description = "The assistant that makes the call.")
  long assistant;

  @Option(names = "--to", paramLabel = "+E164", required = true,
      description = "The number to call, E.164 (like +14155550123).")
  String destination;

  @Option(names = "--from-number", paramLabel = "ID", description = "The id of the phone number to call from.")
  Long fromNumber;

  @Option(names = "--name", paramLabel = "NAME", description = "A name for your own reference, at most 50 characters.")
  String name;

  @Option(names = "--param", paramLabel = "KEY=VALUE",
      description = "A task parameter passed to the assistant; repeat for more.")
  Map<String, String> params = new LinkedHashMap<>();

  @Override
  public Integer call() throws IOException {
    CreateCall createCall = new CreateCall().assistantId(assistant).destinationPhoneNumber(destination)
        .sourcePhoneNumberId(fromNumber).name(name)
        .taskParameters(params.isEmpty() ? null : new LinkedHashMap<String, Object>(params));
    CreateCallValidator.check(createCall); // a bad number is a usage error, before any sandbox starts
    try (Target target = Target.open(global, calls.cli.console)) {
      Call call = target.client.calls().create(createCall);
      calls.cli.console.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(call));
      return 0;
    }
  }
}
