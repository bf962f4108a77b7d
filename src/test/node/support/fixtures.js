'use strict';
// Request bodies and small steps the test files share. Every run uses its own memory store and
// phone numbers, so it can run again and again against the same account (run-local.sh keeps its
// data) and list filters see only what this run made.
const assert = require('node:assert/strict');
const { randomUUID, randomInt } = require('node:crypto');

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A memory store id of the contract's pattern ^mem_(store|service)_[0-7][0-9a-z]{25}$. */
function newMemoryStoreId() {
  let id = `mem_store_${randomInt(8)}`;
  for (let i = 0; i < 25; i++) {
    id += ALPHABET[randomInt(ALPHABET.length)];
  }
  return id;
}

/** A distinct E.164 number in the 555 range. */
function newPhoneNumber() {
  return `+1555${String(randomInt(10_000_000)).padStart(7, '0')}`;
}

/** A distinct e-mail address (an EMAIL channel address, twilio-node 6.3.1). */
function newEmailAddress(name) {
  return `${name}-${randomUUID().slice(0, 8)}@example.com`;
}

/** A message id as a channel adapter reports it: SM followed by 32 hex digits. */
function newMessageSid() {
  return `SM${randomUUID().replaceAll('-', '')}`;
}

/** Configuration display names: ≤ 32 characters of [a-zA-Z0-9-_ ]. */
function newDisplayName(prefix) {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A create body in the contract's shape; minutes far beyond any test's run time. */
function configurationBody(overrides = {}) {
  return {
    displayName: newDisplayName('sdk'),
    description: 'Created by the Node SDK suite',
    conversationGroupingType: 'GROUP_BY_PROFILE',
    memoryStoreId: newMemoryStoreId(),
    channelSettings: { SMS: { statusTimeouts: { inactive: 600, closed: 1440 } } },
    ...overrides,
  };
}

/** The operation id: the last path segment of an OperationAccepted's statusUrl (contract §5). */
function operationIdOf(accepted) {
  assert.match(accepted.statusUrl, /^https?:\/\/[^/]+\/v2\/ControlPlane\/Operations\/[^/]+$/);
  return new URL(accepted.statusUrl).pathname.split('/').pop();
}

/** Polls the operation through the SDK until it leaves PENDING (contract §5 flow). */
async function settledOperation(v2, accepted, timeoutMs = 10_000) {
  const id = operationIdOf(accepted);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const operation = await v2.operations(id).fetch();
    if (operation.status !== 'PENDING') {
      return operation;
    }
    assert.ok(Date.now() < deadline, `operation ${id} still PENDING after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Creates a configuration, waits for its operation, answers its id. */
async function createConfiguration(v2, overrides = {}) {
  const accepted = await v2.configurations.create(configurationBody(overrides));
  const operation = await settledOperation(v2, accepted);
  assert.equal(operation.status, 'COMPLETED');
  return accepted.related.configurationId;
}

/** A CUSTOMER and a HUMAN_AGENT on SMS, as in the contract's seed. */
function seedParticipants(customerNumber = newPhoneNumber(), agentNumber = newPhoneNumber()) {
  return [
    {
      name: 'Kiran A.',
      type: 'CUSTOMER',
      addresses: [{ channel: 'SMS', address: customerNumber }],
    },
    {
      name: 'Kai B.',
      type: 'HUMAN_AGENT',
      addresses: [{ channel: 'SMS', address: agentNumber }],
    },
  ];
}

/**
 * A conversation with the seed participants; under a new configuration unless the body names
 * `configurationId` (an explicit undefined leaves it out, for an inline `configuration`).
 */
async function createConversation(v2, body = {}) {
  const defaults = { name: 'Support chat', participants: seedParticipants() };
  if (!('configurationId' in body)) {
    defaults.configurationId = await createConfiguration(v2);
  }
  const request = { ...defaults, ...body };
  if (request.configurationId === undefined) {
    delete request.configurationId;
  }
  return v2.conversations.create(request);
}

/** A TEXT communication from one SMS address to another. */
function textCommunication(from, to, text, extra = {}) {
  return {
    author: { address: from, channel: 'SMS' },
    content: { type: 'TEXT', text },
    recipients: [{ address: to, channel: 'SMS' }],
    ...extra,
  };
}

module.exports = {
  newMemoryStoreId,
  newPhoneNumber,
  newEmailAddress,
  newMessageSid,
  newDisplayName,
  configurationBody,
  operationIdOf,
  settledOperation,
  createConfiguration,
  seedParticipants,
  createConversation,
  textCommunication,
};
