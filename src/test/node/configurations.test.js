'use strict';
// Configurations (contract §4) and their operations (§5) through twilio-node's
// client.conversations.v2.configurations and .operations.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const { newClient } = require('./support/client');
const f = require('./support/fixtures');
const { rejectsWith } = require('./support/errors');

const { v2, http } = newClient();

/** Every configuration of a memory store, through list() and its token paging. */
async function idsOfStore(memoryStoreId) {
  const configurations = await v2.configurations.list({ memoryStoreId, pageSize: 1000 });
  return configurations.map((c) => c.id).sort();
}

describe('configurations', () => {
  it('create answers 202 with an operation that the SDK polls to COMPLETED', async () => {
    const accepted = await v2.configurations.create(f.configurationBody());
    const answer = http.last();
    assert.equal(answer.statusCode, 202);
    assert.deepEqual(Object.keys(answer.body).sort(), ['related', 'statusUrl']);
    const configurationId = accepted.related.configurationId;
    assert.match(configurationId, /^conv_configuration_/);
    // the SDK answers the 202 body as a ConfigurationInstance: only statusUrl and related are set
    assert.equal(accepted.id, undefined);
    assert.equal(accepted.displayName, undefined);
    // the 202 JSON has no dates: twilio-node makes an absent date "now" (contract §16.7)
    assert.ok(accepted.createdAt instanceof Date);

    const operationId = f.operationIdOf(accepted);
    assert.equal(answer.responseHeaders['operation-id'], operationId);
    assert.equal(answer.responseHeaders.location, accepted.statusUrl);
    assert.match(answer.responseHeaders['retry-after'], /^\d+$/);

    const operation = await f.settledOperation(v2, accepted);
    assert.equal(operation.operationId, operationId);
    assert.equal(operation.status, 'COMPLETED');
    assert.equal(operation.statusUrl, accepted.statusUrl);
    assert.deepEqual(operation.related, { configurationId });
    assert.equal(operation.error, null);
    assert.ok(operation.createdAt instanceof Date);
    assert.ok(operation.completedAt instanceof Date);
    assert.ok(operation.completedAt >= operation.createdAt);
  });

  it('fetch answers every field the create body set', async () => {
    const body = f.configurationBody({
      conversationGroupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES',
      channelSettings: {
        SMS: {
          statusTimeouts: { inactive: 600, closed: 1440 },
          captureRules: [{ from: '*', to: '+15550001111' }],
        },
        VOICE: {
          statusTimeouts: { closed: 60 },
          captureRules: [{ from: '*', to: '*', metadata: { callType: 'PSTN' } }],
        },
      },
      statusCallbacks: [{ url: 'https://callbacks.example.com/conversations', method: 'GET' }],
      intelligenceConfigurationIds: ['intelligence-1'],
      memoryExtractionEnabled: true,
    });
    const id = await f.createConfiguration(v2, body);

    const configuration = await v2.configurations(id).fetch();
    assert.equal(http.last().statusCode, 200);
    assert.equal(configuration.id, id);
    assert.equal(configuration.displayName, body.displayName);
    assert.equal(configuration.description, body.description);
    assert.equal(configuration.conversationGroupingType, 'GROUP_BY_PARTICIPANT_ADDRESSES');
    assert.equal(configuration.memoryStoreId, body.memoryStoreId);
    // what was not set is answered as null: an inactive timeout, a capture rule's metadata
    assert.deepEqual(configuration.channelSettings, {
      SMS: {
        statusTimeouts: { inactive: 600, closed: 1440 },
        captureRules: [{ from: '*', to: '+15550001111', metadata: null }],
      },
      VOICE: {
        statusTimeouts: { inactive: null, closed: 60 },
        captureRules: [{ from: '*', to: '*', metadata: { callType: 'PSTN' } }],
      },
    });
    // nested models become SDK classes; compare their fields
    assert.deepEqual({ ...configuration.statusCallbacks[0] }, body.statusCallbacks[0]);
    assert.deepEqual(configuration.intelligenceConfigurationIds, ['intelligence-1']);
    assert.equal(configuration.memoryExtractionEnabled, true);
    assert.equal(configuration.conversationsV1Bridge, null);
    assert.equal(configuration.version, 1);
    // dates arrive as ISO-8601 strings and become Date objects of the same instant
    const json = http.last().body;
    assert.equal(configuration.createdAt.toISOString(), new Date(json.createdAt).toISOString());
    assert.equal(configuration.updatedAt.toISOString(), new Date(json.updatedAt).toISOString());
  });

  it('create with an Idempotency-Key header (second argument) is answered once', async () => {
    const body = f.configurationBody();
    const key = randomUUID();
    const first = await v2.configurations.create(body, { 'Idempotency-Key': key });
    assert.equal(http.last().headers['Idempotency-Key'], key);
    const again = await v2.configurations.create(body, { 'Idempotency-Key': key });
    assert.equal(http.last().statusCode, 202);
    assert.equal(again.statusUrl, first.statusUrl);
    assert.deepEqual(again.related, first.related);
    assert.deepEqual(await idsOfStore(body.memoryStoreId), [first.related.configurationId]);
  });

  it('list pages by token: list({limit}), page()/nextPage(), each(), memoryStoreId filter', async () => {
    const memoryStoreId = f.newMemoryStoreId();
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(await f.createConfiguration(v2, { memoryStoreId }));
    }
    await f.createConfiguration(v2); // another store: the filter leaves it out
    created.sort();

    assert.deepEqual(await idsOfStore(memoryStoreId), created);

    const limited = await v2.configurations.list({ memoryStoreId, limit: 2 });
    assert.equal(limited.length, 2);
    assert.ok(limited.every((c) => created.includes(c.id)));

    const first = await v2.configurations.page({ memoryStoreId, pageSize: 2 });
    assert.equal(first.instances.length, 2);
    assert.equal(first.key, 'configurations');
    assert.equal(first.pageSize, 2);
    assert.equal(typeof first.nextToken, 'string');
    const second = await first.nextPage();
    const sent = http.last().params;
    assert.equal(sent.pageToken, first.nextToken);
    assert.equal(sent.memoryStoreId, memoryStoreId); // the SDK repeats the filters
    assert.equal(second.instances.length, 1);
    assert.equal(second.nextToken, undefined);
    assert.equal(second.nextPage(), undefined);
    const paged = [...first.instances, ...second.instances].map((c) => c.id).sort();
    assert.deepEqual(paged, created);

    const seen = [];
    await v2.configurations.each({ memoryStoreId, pageSize: 1 }, (c) => seen.push(c.id));
    assert.deepEqual(seen.sort(), created);
  });

  it('update (PUT) replaces the whole configuration', async () => {
    const id = await f.createConfiguration(v2, {
      channelSettings: {
        SMS: { statusTimeouts: { inactive: 600, closed: 1440 } },
        CHAT: { statusTimeouts: { closed: 30 } },
      },
      statusCallbacks: [{ url: 'https://callbacks.example.com/a' }],
    });
    const replacement = {
      displayName: f.newDisplayName('put'),
      description: 'Replaced through PUT',
      conversationGroupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE',
      memoryStoreId: f.newMemoryStoreId(),
      channelSettings: { WHATSAPP: { statusTimeouts: { inactive: 30, closed: 60 } } },
    };
    const accepted = await v2.configurations(id).update(replacement);
    assert.equal(http.last().method, 'PUT');
    assert.equal(http.last().statusCode, 202);
    assert.deepEqual(accepted.related, { configurationId: id });
    assert.equal((await f.settledOperation(v2, accepted)).status, 'COMPLETED');

    const configuration = await v2.configurations(id).fetch();
    assert.equal(configuration.displayName, replacement.displayName);
    assert.equal(configuration.description, replacement.description);
    assert.equal(configuration.conversationGroupingType, replacement.conversationGroupingType);
    assert.equal(configuration.memoryStoreId, replacement.memoryStoreId);
    assert.deepEqual(Object.keys(configuration.channelSettings), ['WHATSAPP']);
    assert.deepEqual(
      configuration.channelSettings.WHATSAPP.statusTimeouts,
      replacement.channelSettings.WHATSAPP.statusTimeouts,
    );
    assert.deepEqual(configuration.statusCallbacks, []);
    assert.equal(configuration.version, 2);
  });

  it('patch merges channelSettings per channel; null removes a channel', async () => {
    const id = await f.createConfiguration(v2, {
      channelSettings: {
        SMS: { statusTimeouts: { inactive: 600, closed: 1440 } },
        VOICE: { statusTimeouts: { inactive: 5, closed: 10 } },
        CHAT: { statusTimeouts: { closed: 30 } },
      },
    });
    const accepted = await v2.configurations(id).patch({
      description: 'Patched',
      channelSettings: { SMS: null, VOICE: { statusTimeouts: { closed: 20 } } },
    });
    assert.equal(http.last().method, 'PATCH');
    assert.equal(http.last().statusCode, 202);
    assert.equal((await f.settledOperation(v2, accepted)).status, 'COMPLETED');

    const configuration = await v2.configurations(id).fetch();
    assert.equal(configuration.description, 'Patched');
    assert.deepEqual(Object.keys(configuration.channelSettings).sort(), ['CHAT', 'VOICE']);
    // a channel given an object is replaced whole: VOICE lost its inactive timeout
    assert.deepEqual(configuration.channelSettings.VOICE.statusTimeouts, {
      inactive: null,
      closed: 20,
    });
    assert.deepEqual(configuration.channelSettings.CHAT.statusTimeouts, {
      inactive: null,
      closed: 30,
    });
    assert.equal(configuration.version, 2);
  });

  it('remove answers 202 with an operation; the configuration is gone after it', async () => {
    const id = await f.createConfiguration(v2);
    const idempotencyKey = randomUUID();
    const accepted = await v2.configurations(id).remove({ idempotencyKey });
    assert.equal(http.last().method, 'DELETE');
    assert.equal(http.last().headers['Idempotency-Key'], idempotencyKey);
    assert.equal(http.last().statusCode, 202);
    assert.deepEqual(accepted.related, { configurationId: id });
    assert.equal((await f.settledOperation(v2, accepted)).status, 'COMPLETED');
    await rejectsWith(v2.configurations(id).fetch(), { status: 404, code: 20404 });
    // the same key again: the first answer, not a 404
    const replayed = await v2.configurations(id).remove({ idempotencyKey });
    assert.equal(replayed.statusUrl, accepted.statusUrl);
  });

  it('update and patch take an Idempotency-Key header (second argument)', async () => {
    const id = await f.createConfiguration(v2);
    const body = f.configurationBody({ description: 'Replaced once' });
    const key = randomUUID();
    const updated = await v2.configurations(id).update(body, { 'Idempotency-Key': key });
    assert.equal(http.last().headers['Idempotency-Key'], key);
    const again = await v2.configurations(id).update(body, { 'Idempotency-Key': key });
    assert.equal(again.statusUrl, updated.statusUrl);

    const patchKey = randomUUID();
    const patched = await v2
      .configurations(id)
      .patch({ description: 'Patched once' }, { 'Idempotency-Key': patchKey });
    assert.equal(http.last().headers['Idempotency-Key'], patchKey);
    await f.settledOperation(v2, patched);
    assert.equal((await v2.configurations(id).fetch()).version, 3);
  });
});
