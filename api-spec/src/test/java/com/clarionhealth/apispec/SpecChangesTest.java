package com.clarionhealth.apispec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.apispec.SpecChange.Kind;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The gate on real edits of a copy of the spec (specgate/clarion-openapi.yaml, frozen so that these tests do not move
 * with the spec): what passes, what fails and how each change is named. Each edit replaces text that occurs exactly
 * once in the copy.
 */
class SpecChangesTest {

  private static final String SPEC = SpecChecks.resourceText("specgate/clarion-openapi.yaml");
  private static final String NO_ACKNOWLEDGEMENTS = "acknowledged: []\n";

  private static final String CALL_PROPERTIES =
      "      description: A call, as returned by POST /call and GET /call.\n      properties:\n";
  private static final String CREATE_CALL_REQUIRED =
      "      required:\n        - assistant_id\n        - destination_phone_number\n";
  private static final String CREATE_CALL_PROPERTIES = CREATE_CALL_REQUIRED + "      properties:\n";
  private static final String TRANSCRIPT = String.join("\n",
      "        transcript:",
      "          description: The transcript of the call",
      "          type: string",
      "          nullable: true",
      "");

  /** The acceptance cases of the gate (issue 14, item 5). */
  @Nested
  class Acceptance {

    @Test
    void anAddedPropertyAndEnumValuePassAndAreReported() {
      String current = edit(edit(SPEC, CALL_PROPERTIES, CALL_PROPERTIES + String.join("\n",
              "        cost:",
              "          description: What the call cost, in US cents",
              "          type: number",
              "          format: double",
              "          nullable: true",
              "")),
          "        - forwarding\n", "        - forwarding\n        - no-answer\n");

      SpecGate.Result result = SpecGate.check(SPEC, current, NO_ACKNOWLEDGEMENTS);

      assertThat(result.changes()).containsExactlyInAnyOrder(
          new SpecChange("Call.cost: property added", Kind.ADDED, false),
          new SpecChange("Call.call_status (CallStatus): enum value added: no-answer", Kind.ADDED, false));
      assertThat(result.passed()).isTrue();
      assertThat(result.report()).contains("**PASSED**", "## Added",
          "- `Call.cost: property added`: not breaking",
          "- `Call.call_status (CallStatus): enum value added: no-answer`: not breaking");
    }

    @Test
    void aRemovedPropertyFailsNamingIt() {
      SpecGate.Result result = SpecGate.check(SPEC, edit(SPEC, TRANSCRIPT, ""), NO_ACKNOWLEDGEMENTS);

      assertThat(result.changes())
          .containsExactly(new SpecChange("Call.transcript: property removed", Kind.REMOVED, true));
      assertThat(result.passed()).isFalse();
      assertThat(result.failure()).contains("  - Call.transcript: property removed", SpecGate.ACKNOWLEDGEMENTS);
      assertThat(result.report()).contains("**FAILED**", "## Removed",
          "- `Call.transcript: property removed`: **BREAKING, not acknowledged**");
    }

    @Test
    void aRenamedEnumValueFailsNamingTheOldValue() {
      String current = edit(SPEC, "        - forwarding\n", "        - forwarded\n");

      SpecGate.Result result = SpecGate.check(SPEC, current, NO_ACKNOWLEDGEMENTS);

      assertThat(result.changes()).containsExactlyInAnyOrder(
          new SpecChange("Call.call_status (CallStatus): enum value removed: forwarding", Kind.REMOVED, true),
          new SpecChange("Call.call_status (CallStatus): enum value added: forwarded", Kind.ADDED, false));
      assertThat(result.unacknowledged()).extracting(SpecChange::change)
          .containsExactly("Call.call_status (CallStatus): enum value removed: forwarding");
      assertThat(result.failure()).contains("Call.call_status (CallStatus): enum value removed: forwarding");
    }

    @Test
    void aNewRequiredPropertyFailsNamingIt() {
      String current = edit(SPEC, CREATE_CALL_PROPERTIES, CREATE_CALL_REQUIRED + "        - priority\n"
          + "      properties:\n        priority:\n          description: How urgent the call is\n"
          + "          type: integer\n");

      SpecGate.Result result = SpecGate.check(SPEC, current, NO_ACKNOWLEDGEMENTS);

      assertThat(result.changes())
          .containsExactly(new SpecChange("CreateCall.priority: new required property", Kind.ADDED, true));
      assertThat(result.failure()).contains("CreateCall.priority: new required property");
    }

    @Test
    void anAcknowledgedBreakingChangePassesAndTheReportSaysWhy() {
      String current = edit(SPEC, "        - forwarding\n", "        - forwarded\n");
      String acknowledgements = String.join("\n",
          "acknowledged:",
          "  - change: 'Call.call_status (CallStatus): enum value removed: forwarding'",
          "    why: Clarion renamed it; the published page lists forwarded only.",
          "");

      SpecGate.Result result = SpecGate.check(SPEC, current, acknowledgements);

      assertThat(result.passed()).isTrue();
      assertThat(result.stale()).isEmpty();
      assertThat(result.report()).contains("**PASSED**", "- `Call.call_status (CallStatus): enum value removed: "
          + "forwarding`: breaking, acknowledged: Clarion renamed it; the published page lists forwarded only.");
    }

    @Test
    void anAcknowledgementMatchingNoChangeIsReportedStale() {
      String acknowledgements = String.join("\n",
          "acknowledged:",
          "  - change: 'Call.transcript: property removed'",
          "    why: Removed before the last release.",
          "");

      SpecGate.Result result = SpecGate.check(SPEC, SPEC, acknowledgements);

      assertThat(result.stale()).containsExactly("Call.transcript: property removed");
      assertThat(result.report()).contains("## Stale acknowledgements", "- `Call.transcript: property removed`");
      assertThat(result.passed()).as("stale is reported, not failed").isTrue();
    }

    @Test
    void anAcknowledgementWithoutWhyIsRejected() {
      String acknowledgements = String.join("\n",
          "acknowledged:",
          "  - change: 'Call.transcript: property removed'",
          "    why: ' '",
          "");

      SpecGate.Result result = SpecGate.check(SPEC, edit(SPEC, TRANSCRIPT, ""), acknowledgements);

      assertThat(result.passed()).isFalse();
      assertThat(result.acknowledgements().problems()).containsExactly(
          "entry 1 ('Call.transcript: property removed'): 'why' is missing or empty: say why users must take "
              + "this breaking change");
      assertThat(result.failure()).contains(SpecGate.ACKNOWLEDGEMENTS + " is rejected",
          "'why' is missing or empty");
    }
  }

  /** The rules of {@link SpecChanges}, one edit each. */
  @Nested
  class Rules {

    @Test
    void theSameSpecHasNoChanges() {
      assertThat(SpecChanges.between(SPEC, SPEC)).isEmpty();
    }

    @Test
    void aPropertyThatBecomesRequiredInARequestBreaks() {
      assertThat(changes(edit(SPEC, CREATE_CALL_REQUIRED, CREATE_CALL_REQUIRED + "        - source_phone_number_id\n")))
          .containsExactly(new SpecChange("CreateCall.source_phone_number_id: became required", Kind.CHANGED, true));
    }

    @Test
    void aPropertyNoLongerRequiredBreaksOnlyInAResponse() {
      assertThat(changes(edit(SPEC, CREATE_CALL_REQUIRED, "      required:\n        - assistant_id\n")))
          .containsExactly(
              new SpecChange("CreateCall.destination_phone_number: no longer required", Kind.CHANGED, false));
      assertThat(changes(edit(SPEC, "      required:\n        - role\n", "")))
          .containsExactly(new SpecChange("Message.role: no longer required", Kind.CHANGED, true));
    }

    @Test
    void aChangedTypeOrFormatBreaks() {
      String current = edit(SPEC, "        id:\n          description: The unique id for the call\n"
          + "          type: integer\n          format: int64\n",
          "        id:\n          description: The unique id for the call\n          type: string\n");
      assertThat(changes(current))
          .containsExactly(new SpecChange("Call.id: type changed: integer (int64) -> string", Kind.CHANGED, true));
    }

    @Test
    void tighterRequestConstraintsBreakLooserOnesDoNot() {
      assertThat(changes(edit(SPEC, "maxLength: 50", "maxLength: 40")))
          .containsExactly(new SpecChange("CreateCall.name: maxLength lowered: 50 -> 40", Kind.CHANGED, true));
      assertThat(changes(edit(SPEC, "maxLength: 50", "maxLength: 80")))
          .containsExactly(new SpecChange("CreateCall.name: maxLength raised: 50 -> 80", Kind.CHANGED, false));
      assertThat(changes(edit(SPEC, "maximum: 1000", "maximum: 500"))).containsExactly(
          new SpecChange("GET /call parameter limit: maximum lowered: 1000 -> 500", Kind.CHANGED, true));
      assertThat(changes(edit(SPEC, "pattern: '^\\+[1-9][0-9]{1,14}$'", "pattern: '^\\+[1-9][0-9]{6,14}$'")))
          .containsExactly(new SpecChange("CreateCall.destination_phone_number: pattern changed: "
              + "^\\+[1-9][0-9]{1,14}$ -> ^\\+[1-9][0-9]{6,14}$", Kind.CHANGED, true));
    }

    @Test
    void aConstraintInAResponseIsReportedNotBreaking() {
      String current = edit(SPEC, TRANSCRIPT, TRANSCRIPT + "          maxLength: 100000\n");
      assertThat(changes(current))
          .containsExactly(new SpecChange("Call.transcript: maxLength added: (none) -> 100000", Kind.CHANGED, false));
    }

    @Test
    void nullabilityBreaksExceptBecomingNullableInARequest() {
      assertThat(changes(edit(SPEC, TRANSCRIPT, TRANSCRIPT.replace("          nullable: true\n", ""))))
          .containsExactly(new SpecChange("Call.transcript: no longer nullable", Kind.CHANGED, true));
      assertThat(changes(edit(SPEC, "          description: The type of call\n          type: string\n",
          "          description: The type of call\n          type: string\n          nullable: true\n")))
          .containsExactly(new SpecChange("Call.call_type: became nullable", Kind.CHANGED, true));
      assertThat(changes(edit(SPEC, "          type: string\n          maxLength: 50\n",
          "          type: string\n          maxLength: 50\n          nullable: true\n")))
          .containsExactly(new SpecChange("CreateCall.name: became nullable", Kind.CHANGED, false));
    }

    @Test
    void parametersRemovedBreakOptionalOnesAddedDoNot() {
      String createdAtLe = String.join("\n",
          "        - name: createdAtLe",
          "          in: query",
          "          required: false",
          "");
      String removed = SPEC.substring(0, SPEC.indexOf(createdAtLe))
          + SPEC.substring(SPEC.indexOf("      responses:", SPEC.indexOf(createdAtLe)));
      assertThat(changes(removed))
          .containsExactly(new SpecChange("GET /call parameter createdAtLe: parameter removed", Kind.REMOVED, true));

      String added = edit(SPEC, createdAtLe, "        - name: assistantId\n          in: query\n"
          + "          required: false\n          schema:\n            type: integer\n            format: int64\n"
          + createdAtLe);
      assertThat(changes(added))
          .containsExactly(new SpecChange("GET /call parameter assistantId: parameter added", Kind.ADDED, false));
    }

    @Test
    void aPropertyOfTheMessageBaseIsNamedOnceByTheSchemaThatDeclaresIt() {
      String time = "        time:\n          description: When the message was produced (Unix epoch, milliseconds; "
          + "inferred from Vapi)\n          type: number\n          format: double\n";
      assertThat(changes(edit(SPEC, time, "")))
          .containsExactly(new SpecChange("Message.time: property removed", Kind.REMOVED, true));
    }

    @Test
    void aVariantOnlyTheDiscriminatorReachesIsCompared() {
      String result = "            result:\n              description: The result of the tool call, usually JSON "
          + "text (inferred from Vapi).\n              x-clarion-inferred: true\n              type: string\n";
      assertThat(changes(edit(SPEC, result, "")))
          .containsExactly(new SpecChange("ToolCallResultMessage.result: property removed", Kind.REMOVED, true));
    }

    @Test
    void aRenamedSchemaBreaksAsItsGeneratedClassDisappears() {
      String current = edit(edit(SPEC, "            - $ref: '#/components/schemas/Analysis'\n",
          "            - $ref: '#/components/schemas/CallAnalysis'\n"), "    Analysis:\n", "    CallAnalysis:\n");
      assertThat(changes(current)).containsExactlyInAnyOrder(
          new SpecChange("Analysis: schema removed", Kind.REMOVED, true),
          new SpecChange("CallAnalysis: schema added", Kind.ADDED, false));
    }

    @Test
    void aDescriptionChangeIsReportedNotBreaking() {
      assertThat(changes(edit(SPEC, "description: The transcript of the call", "description: What was said")))
          .containsExactly(new SpecChange("Call.transcript: description changed", Kind.CHANGED, false));
    }

    @Test
    void aSpecThatDoesNotParseIsRejected() {
      assertThatThrownBy(() -> SpecChanges.between(SPEC, edit(SPEC, "openapi: 3.0.3", "openapi: 3.0.3\nbogus: 1")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("The current spec does not parse")
          .hasMessageContaining("bogus");
    }
  }

  private static List<SpecChange> changes(String current) {
    return SpecChanges.between(SPEC, current);
  }

  private static String edit(String spec, String from, String to) {
    int at = spec.indexOf(from);
    assertThat(at).as("the spec contains %s", from).isNotNegative();
    assertThat(spec.indexOf(from, at + 1)).as("the spec contains %s only once", from).isNegative();
    return spec.substring(0, at) + to + spec.substring(at + from.length());
  }
}
