package io.conversationorchestrator.sdk;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URL;

/**
 * twilio-java's HTTP client sending to the service instead of *.twilio.com (contract §15.3): the
 * SDK builds https://conversations.twilio.com/v2/...; the request is copied onto the service's
 * scheme, host and port with everything else as the SDK made it.
 */
final class LocalHttpClient extends NetworkHttpClient {
  private final String base;

  LocalHttpClient(URL server) {
    this.base = server.getProtocol() + "://" + server.getAuthority();
  }

  @Override
  public Response makeRequest(Request in) {
    Request out = new Request(in.getMethod(), in.getUrl().replaceFirst("^https?://[^/]+", base));
    in.getQueryParams().forEach((k, vs) -> vs.forEach(v -> out.addQueryParam(k, v)));
    in.getHeaderParams().forEach((k, vs) -> vs.forEach(v -> out.addHeaderParam(k, v)));
    in.getPostParams().forEach((k, vs) -> vs.forEach(v -> out.addPostParam(k, v)));
    if (in.getContentType() != null) {
      out.setContentType(in.getContentType());
    }
    if (in.getBody() != null) {
      out.setBody(in.getBody());
    }
    if (in.getUsername() != null) {
      out.setAuth(in.getUsername(), in.getPassword());
    } else if (in.getAuthStrategy() != null) {
      out.setAuth(in.getAuthStrategy());
    }
    out.setUserAgentExtensions(in.getUserAgentExtensions());
    return super.makeRequest(out);
  }
}
