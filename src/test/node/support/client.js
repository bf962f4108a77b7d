'use strict';
// The SDK client every test file uses: twilio-node pointed at the service (contract §15.1) and a
// record of the JSON the service answered, so a test can check both what the SDK made of an
// answer and the answer itself.
const twilio = require('twilio');

/**
 * Where the service listens and whose credentials to use. The defaults are those of
 * deployment/run-local.sh, which listens on 127.0.0.1 (not ::1, which localhost may name).
 */
const target = Object.freeze({
  baseUrl: process.env.CONVERSATIONS_BASE_URL || 'http://127.0.0.1:8080',
  accountSid: process.env.CONVERSATIONS_ACCOUNT_SID || 'AC00000000000000000000000000000000',
  authToken: process.env.CONVERSATIONS_AUTH_TOKEN || 'dev-auth-token',
});

/**
 * A RequestClient that sends every request to the service instead of *.twilio.com. The SDK builds
 * https://conversations.twilio.com/v2/... (region and edge applied); only scheme, host and port
 * are replaced, so path, query, headers and body stay exactly what the SDK made.
 */
class LocalRequestClient extends twilio.RequestClient {
  constructor(baseUrl) {
    super();
    this.base = new URL(baseUrl);
    this.exchanges = [];
  }

  async request(opts) {
    const uri = new URL(opts.uri);
    uri.protocol = this.base.protocol;
    uri.host = this.base.host;
    const response = await super.request({ ...opts, uri: uri.href });
    this.exchanges.push({
      method: opts.method.toUpperCase(),
      uri: uri.href,
      params: { ...opts.params }, // the query: axios adds it to the uri when sending
      headers: withoutCredentials(opts.headers),
      statusCode: response.statusCode,
      responseHeaders: response.headers,
      // axios has already parsed the JSON; a copy keeps it apart from what the SDK builds from it
      body: structuredClone(response.body),
    });
    return response;
  }

  /** The last exchange: method, uri, params (query), headers, statusCode, responseHeaders, body. */
  last() {
    if (this.exchanges.length === 0) {
      throw new Error('no request was sent');
    }
    return this.exchanges[this.exchanges.length - 1];
  }
}

/** The request headers as sent, less Authorization: a failing test prints what it recorded. */
function withoutCredentials(headers = {}) {
  const { Authorization, ...rest } = headers;
  return rest;
}

/** A new client with its own record of exchanges. */
function newClient() {
  const httpClient = new LocalRequestClient(target.baseUrl);
  const client = twilio(target.accountSid, target.authToken, { httpClient });
  return { client, v2: client.conversations.v2, http: httpClient };
}

module.exports = { target, newClient, LocalRequestClient };
