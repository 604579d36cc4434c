package com.clarionhealth.client;

import com.clarionhealth.client.model.CreateCall;
import java.util.regex.Pattern;

/**
 * Checks a {@code POST /call} body before anything is sent, with messages that name the JSON field.
 * Both clients run it in {@code calls().create}; it is public so that an application (or a command
 * line) can refuse a bad request before it has a client at all. The phone number itself is never
 * echoed: it is a patient's, and messages end up in logs.
 */
public final class CreateCallValidator {
  private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{1,14}$");
  private static final int MAX_NAME_LENGTH = 50;

  private CreateCallValidator() {}

  /**
   * Returns {@code createCall} if {@code create} would send it.
   *
   * @throws NullPointerException if {@code createCall} is null
   * @throws IllegalArgumentException naming the first invalid field: a missing {@code assistant_id}
   *     or {@code destination_phone_number}, a destination that is not E.164, a name over 50 characters
   */
  public static CreateCall check(CreateCall createCall) {
    if (createCall == null) {
      throw new NullPointerException("createCall == null");
    }
    if (createCall.getAssistantId() == null) {
      throw new IllegalArgumentException("assistant_id is required");
    }
    String destination = createCall.getDestinationPhoneNumber();
    if (destination == null) {
      throw new IllegalArgumentException("destination_phone_number is required");
    }
    if (!E164.matcher(destination).matches()) {
      throw new IllegalArgumentException("destination_phone_number must be an E.164 number: '+', "
          + "then the country code and the number, 2 to 15 digits in all, no spaces");
    }
    String name = createCall.getName();
    if (name != null && name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("name must be at most " + MAX_NAME_LENGTH
          + " characters, was " + name.codePointCount(0, name.length()));
    }
    return createCall;
  }
}
