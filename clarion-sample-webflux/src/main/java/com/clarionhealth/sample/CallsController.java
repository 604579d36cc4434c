package com.clarionhealth.sample;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.clarionhealth.client.reactive.ReactiveClarionClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class CallsController {
  private final ReactiveClarionClient clarion;

  CallsController(ReactiveClarionClient clarion) {
    this.clarion = clarion;
  }

  /** Every call created on {@code day} (UTC), one JSON object a line, streamed as the client pages through them. */
  @GetMapping(path = "/calls", produces = MediaType.APPLICATION_NDJSON_VALUE)
  Flux<Call> day(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
    return clarion.calls().stream(CallQuery.between(day.atStartOfDay().toInstant(ZoneOffset.UTC),
        day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)));
  }

  /** Places one call: {@code {"assistantId": 42, "to": "+14155550123"}}. */
  @PostMapping("/calls")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<Call> place(@RequestBody PlaceCall request) {
    return clarion.calls().create(new CreateCall().assistantId(request.assistantId())
        .destinationPhoneNumber(request.to()));
  }

  record PlaceCall(long assistantId, String to) {}
}
