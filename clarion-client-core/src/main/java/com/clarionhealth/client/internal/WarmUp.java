package com.clarionhealth.client.internal;

import java.nio.charset.StandardCharsets;

/** What {@link CallCodec#warmedUp()} decodes: every kind of value a call holds, so that nothing is left to build. */
final class WarmUp {
  private static final String JSON = ("{'id':1,'assistant_id':1,'started_at':'2026-01-01T00:00:00Z',"
      + "'ended_at':'2026-01-01T00:00:01.5+01:00','call_status':'ended','ended_reason':'r','transcript':'t',"
      + "'source_number':'+1','destination_number':'+1','call_type':'t','duration_ms':1,'summary':'s',"
      + "'outcome':'o','failure_reason':'declined','np_unknown':[{'x':null}],"
      + "'analysis':{'repetition_count':1,'interruption_count':1,'custom':{'a':[1,2.5,true,null,'s',{'b':{}}]}},"
      + "'messages':[{'role':'system','message':'m','time':1,'endTime':1.5,'secondsFromStart':1,'duration':1},"
      + "{'role':'bot','message':'m'},{'role':'user','message':'m'},{'role':'np_other','message':'m'},"
      + "{'role':'tool_calls','toolCalls':[{'id':'i','type':'function','function':{'name':'n','arguments':'{}'}}]},"
      + "{'role':'tool_call_result','toolCallId':'i','name':'n','result':'r'}]}").replace('\'', '"');

  static final byte[] CALL = JSON.getBytes(StandardCharsets.UTF_8);
  static final byte[] ARRAY = ("[" + JSON + ",null]").getBytes(StandardCharsets.UTF_8);

  private WarmUp() {}
}
