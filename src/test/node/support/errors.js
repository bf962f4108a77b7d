'use strict';
// How an error answer reaches a caller of twilio-node (contract §1 "Error bodies").
const assert = require('node:assert/strict');
const { RestException } = require('twilio');
const TwilioServiceException = require('twilio/lib/base/TwilioServiceException').default;

/**
 * Awaits a call that must fail with the given HTTP status and error code. The contract's error body
 * {code, message, more_info, status} has no `type`/`title`, so twilio-node throws a RestException
 * (a TwilioServiceException only for RFC 9457 bodies); either way status and code are its fields.
 */
async function rejectsWith(promise, { status, code }) {
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(error, `expected HTTP ${status}, but the call succeeded`);
  assert.ok(
    error instanceof RestException || error instanceof TwilioServiceException,
    `expected a RestException, got ${error && error.stack}`,
  );
  assert.equal(error.status, status, error.message);
  assert.equal(error.code, code, error.message);
  return error;
}

/** The contract's error body, exactly: four fields, more_info naming the code's page. */
function assertErrorBody(body, { status, code }) {
  assert.deepEqual(Object.keys(body).sort(), ['code', 'message', 'more_info', 'status']);
  assert.equal(body.status, status);
  assert.equal(body.code, code);
  assert.equal(typeof body.message, 'string');
  assert.ok(body.message.length > 0);
  assert.equal(body.more_info, `https://www.twilio.com/docs/errors/${code}`);
}

module.exports = { rejectsWith, assertErrorBody, RestException, TwilioServiceException };
