'use strict';
// What twilio-node 6.3.1 added (contract §19) through the SDK: the EMAIL channel, conversations
// configured inline, per-conversation overrides, redactionConfigurationId, inactive < closed; and
// what Twilio's agent tooling sends: the comma-joined status filter. Strict bodies: an unknown
// field is a 400 naming it.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { newClient } = require('./support/client');
const f = require('./support/fixtures');
const s = require('./support/schemas');
const { rejectsWith } = require('./support/errors');

const { v2, http } = newClient();

// Callbacks go to reserved names that never resolve (RFC 6761): nothing leaves the machine.
const CONFIGURATION_CALLBACK = { url: 'https://configuration.invalid/cb', method: 'POST' };
const CONVERSATION_CALLBACK = { url: 'https://conversation.invalid/cb', method: 'GET' };

/** A 400 with the contract's code and this message (a string) or one matching (a RegExp). */
async function invalid(promise, message) {
  const error = await rejectsWith(promise, { status: 400, code: 20001 });
  if (typeof message === 'string') {
    assert.equal(error.message, message);
  } else {
    assert.match(error.message, message);
  }
  return error;
}

/** Milliseconds from the conversation's last activity to one of its timer fields. */
function after(json, field) {
  return Date.parse(json[field]) - Date.parse(json.lastActivityAt);
}

describe('twilio-node 6.3.1', () => {
  it('EMAIL participants author and receive communications', async () => {
    const customer = f.newEmailAddress('kiran');
    const agent = f.newEmailAddress('kai');
    const conversation = await f.createConversation(v2, {
      participants: [
        {
          name: 'Kiran A.',
          type: 'CUSTOMER',
          addresses: [{ channel: 'EMAIL', address: customer }],
        },
        { name: 'Kai B.', type: 'HUMAN_AGENT', addresses: [{ channel: 'EMAIL', address: agent }] },
      ],
    });
    for (const participant of http.last().body.participants) {
      s.assertParses(s.ConversationParticipant, participant);
    }
    const [kiran, kai] = conversation.participants;
    assert.deepEqual(
      { ...kiran.addresses[0] },
      { channel: 'EMAIL', address: customer, channelId: null },
    );
    assert.match(kiran.profileId, /^mem_profile_/);

    const communication = await v2.communications(conversation.id).create({
      author: { address: customer, channel: 'EMAIL' },
      content: { type: 'TEXT', text: 'Where is my order?' },
      recipients: [{ address: agent, channel: 'EMAIL' }],
    });
    assert.equal(http.last().statusCode, 201);
    const json = s.assertParses(s.Communication, http.last().body);
    assert.deepEqual(
      [json.author.channel, json.author.address, json.author.participantId],
      ['EMAIL', customer, kiran.id],
    );
    assert.deepEqual(
      json.recipients.map((r) => [r.channel, r.address, r.participantId]),
      [['EMAIL', agent, kai.id]],
    );
    const fetched = await v2.communications(conversation.id, communication.id).fetch();
    assert.equal(fetched.author.channel, 'EMAIL');

    // an e-mail domain is case-insensitive: the same customer, no new participant
    const shouted = customer.replace('@example.com', '@EXAMPLE.COM');
    await v2.communications(conversation.id).create({
      author: { address: shouted, channel: 'EMAIL' },
      content: { type: 'TEXT', text: 'Hello?' },
      recipients: [{ address: agent, channel: 'EMAIL' }],
    });
    assert.deepEqual(
      [http.last().body.author.address, http.last().body.author.participantId],
      [shouted, kiran.id],
    );
    assert.equal((await v2.participants(conversation.id).list()).length, 2);

    // actions match addresses the same way: the shouted domain names the customer's address
    await v2.actions(conversation.id).create({
      type: 'SEND_MESSAGE',
      payload: {
        from: { participantId: kai.id },
        to: [{ participantId: kiran.id, address: shouted }],
        content: { text: 'It ships today' },
      },
    });
    assert.equal(http.last().statusCode, 202);

    // an EMAIL address must be an e-mail address
    await invalid(
      v2
        .participants(conversation.id)
        .create({ addresses: [{ channel: 'EMAIL', address: '+15550000000' }] }),
      /EMAIL addresses must be an e-mail address/,
    );
  });

  it('a conversation configured inline has configurationId null and the inline settings', async () => {
    const memoryStoreId = f.newMemoryStoreId();
    const configuration = {
      conversationGroupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES',
      memoryStoreId,
      channelSettings: { EMAIL: { statusTimeouts: { inactive: 600, closed: 1440 } } },
      statusCallbacks: [CONVERSATION_CALLBACK],
      redactionConfigurationId: 'rd_inline',
      intelligenceConfigurationIds: ['intelligence-1'],
    };
    const created = await f.createConversation(v2, { configurationId: undefined, configuration });
    assert.equal(http.last().statusCode, 201);
    assert.equal(created.configurationId, null);
    assert.ok('configurationId' in http.last().body, 'answered, as null');
    assert.equal(http.last().body.configurationId, null);
    const expected = {
      displayName: null,
      description: null,
      conversationGroupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES',
      memoryStoreId,
      channelSettings: {
        EMAIL: { statusTimeouts: { inactive: 600, closed: 1440 }, captureRules: [] },
      },
      statusCallbacks: [CONVERSATION_CALLBACK],
      intelligenceConfigurationIds: ['intelligence-1'],
      traitExtractionStrategyIds: [],
      observationExtractionStrategyIds: [],
      memoryExtractionEnabled: false, // the default without a configuration
      conversationsV1Bridge: null,
      redactionConfigurationId: 'rd_inline',
    };
    assert.deepEqual(http.last().body.configuration, expected);
    // the SDK copies the embedded configuration as it came
    assert.equal(created.configuration.memoryStoreId, memoryStoreId);
    assert.equal(created.configuration.redactionConfigurationId, 'rd_inline');

    const fetched = await v2.conversations(created.id).fetch();
    assert.equal(fetched.configurationId, null);
    assert.deepEqual(http.last().body.configuration, expected);

    // contract §19's null is what the agent tooling's ConversationResponse refuses (README
    // "Absent vs null"): its listConversations cannot parse a page holding this conversation
    const parsed = s.ConversationResponse.safeParse(http.last().body);
    assert.deepEqual(
      parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]),
      [['configurationId', 'Expected string, received null']],
    );
  });

  it('an inline configuration needs a grouping type and a memory store', async () => {
    const participants = f.seedParticipants();
    await invalid(
      v2.conversations.create({
        participants,
        configuration: { conversationGroupingType: 'GROUP_BY_PROFILE' },
      }),
      /'configuration\.memoryStoreId'/,
    );
    await invalid(
      v2.conversations.create({
        participants,
        configuration: { memoryStoreId: f.newMemoryStoreId() },
      }),
      /'configuration\.conversationGroupingType'/,
    );
    await invalid(v2.conversations.create({ participants }), /'configurationId'/);
    // twilio-node sends an explicit null as given: the same as leaving configurationId out
    const explicit = await v2.conversations.create({
      configurationId: null,
      configuration: {
        conversationGroupingType: 'GROUP_BY_PROFILE',
        memoryStoreId: f.newMemoryStoreId(),
      },
      participants,
    });
    assert.equal(explicit.configurationId, null);
    assert.equal(explicit.configuration.conversationGroupingType, 'GROUP_BY_PROFILE');
  });

  it('overrides replace the configuration’s timers, callbacks and memory extraction for one conversation', async () => {
    const configurationId = await f.createConfiguration(v2, {
      statusCallbacks: [CONFIGURATION_CALLBACK],
      memoryExtractionEnabled: false,
    });
    const overridden = await f.createConversation(v2, {
      configurationId,
      configuration: {
        channelSettings: { SMS: { statusTimeouts: { inactive: 300, closed: 600 } } },
        statusCallbacks: [CONVERSATION_CALLBACK],
        memoryExtractionEnabled: true,
      },
    });
    const answered = http.last().body;
    assert.equal(overridden.configurationId, configurationId);
    assert.deepEqual(answered.configuration.channelSettings.SMS.statusTimeouts, {
      inactive: 300,
      closed: 600,
    });
    assert.deepEqual(answered.configuration.statusCallbacks, [CONVERSATION_CALLBACK]);
    assert.equal(answered.configuration.memoryExtractionEnabled, true);
    // the timers run on the override: closed is twice inactive here (1440/600 on the configuration)
    assert.equal(after(answered, 'closesAt'), 2 * after(answered, 'inactiveAt'));

    const fetched = await v2.conversations(overridden.id).fetch();
    assert.deepEqual(http.last().body.configuration, answered.configuration);
    assert.deepEqual(fetched.configuration.statusCallbacks, [CONVERSATION_CALLBACK]);

    // the configuration and its other conversations keep their own settings
    const plain = await f.createConversation(v2, { configurationId });
    assert.deepEqual(plain.configuration.channelSettings.SMS.statusTimeouts, {
      inactive: 600,
      closed: 1440,
    });
    assert.deepEqual(plain.configuration.statusCallbacks, [CONFIGURATION_CALLBACK]);
    assert.equal(plain.configuration.memoryExtractionEnabled, false);
    const configuration = await v2.configurations(configurationId).fetch();
    assert.deepEqual(configuration.channelSettings.SMS.statusTimeouts, {
      inactive: 600,
      closed: 1440,
    });
    assert.equal(configuration.memoryExtractionEnabled, false);
  });

  it('redactionConfigurationId is stored by create, PUT and PATCH and copied into conversations', async () => {
    const id = await f.createConfiguration(v2, { redactionConfigurationId: 'rd_created' });
    let configuration = await v2.configurations(id).fetch();
    assert.equal(configuration.redactionConfigurationId, 'rd_created');
    s.assertParses(s.ConversationConfiguration, http.last().body);

    const conversation = await f.createConversation(v2, { configurationId: id });
    assert.equal(conversation.configuration.redactionConfigurationId, 'rd_created');
    const overridden = await f.createConversation(v2, {
      configurationId: id,
      configuration: { redactionConfigurationId: 'rd_override' },
    });
    assert.equal(overridden.configuration.redactionConfigurationId, 'rd_override');
    const fetched = await v2.conversations(overridden.id).fetch();
    assert.equal(fetched.configuration.redactionConfigurationId, 'rd_override');

    const updated = await v2
      .configurations(id)
      .update(f.configurationBody({ redactionConfigurationId: 'rd_put' }));
    await f.settledOperation(v2, updated);
    assert.equal((await v2.configurations(id).fetch()).redactionConfigurationId, 'rd_put');

    const patched = await v2.configurations(id).patch({ redactionConfigurationId: 'rd_patch' });
    await f.settledOperation(v2, patched);
    configuration = await v2.configurations(id).fetch();
    assert.equal(configuration.redactionConfigurationId, 'rd_patch');
    assert.equal(configuration.version, 3);

    const cleared = await v2.configurations(id).patch({ redactionConfigurationId: null });
    await f.settledOperation(v2, cleared);
    assert.equal((await v2.configurations(id).fetch()).redactionConfigurationId, null);
    // a conversation keeps the value it was created with
    assert.equal(
      (await v2.conversations(conversation.id).fetch()).configuration.redactionConfigurationId,
      'rd_created',
    );
  });

  it('inactive must be less than closed: a 400 naming the channel', async () => {
    await invalid(
      v2.configurations.create(
        f.configurationBody({
          channelSettings: { SMS: { statusTimeouts: { inactive: 60, closed: 60 } } },
        }),
      ),
      "Invalid value for 'channelSettings.SMS.statusTimeouts': inactive (60) must be less than closed (60)",
    );
    const id = await f.createConfiguration(v2);
    await invalid(
      v2.configurations(id).patch({
        channelSettings: { WHATSAPP: { statusTimeouts: { inactive: 90, closed: 30 } } },
      }),
      "Invalid value for 'channelSettings.WHATSAPP.statusTimeouts': inactive (90) must be less than closed (30)",
    );
    await invalid(
      f.createConversation(v2, {
        configurationId: id,
        configuration: {
          channelSettings: { CHAT: { statusTimeouts: { inactive: 20, closed: 10 } } },
        },
      }),
      "Invalid value for 'configuration.channelSettings.CHAT.statusTimeouts': inactive (20) must be less than closed (10)",
    );
    // nothing was stored by the refused patch
    const configuration = await v2.configurations(id).fetch();
    assert.deepEqual(Object.keys(configuration.channelSettings), ['SMS']);
    assert.equal(configuration.version, 1);
  });

  it('the status filter takes comma-joined values (as the agent tooling sends) and repeated ones', async () => {
    const configurationId = await f.createConfiguration(v2);
    const active = await f.createConversation(v2, { configurationId });
    const inactive = await f.createConversation(v2, { configurationId });
    const closed = await f.createConversation(v2, { configurationId });
    await v2.conversations(inactive.id).patch({ status: 'INACTIVE' });
    await v2.conversations(closed.id).patch({ status: 'CLOSED' });
    const mine = [active.id, inactive.id, closed.id];
    const listedOf = async (status) => {
      const listed = await v2.conversations.list({ status, pageSize: 1000 });
      return {
        sent: http.last().params.status,
        json: http.last().body,
        ids: listed
          .filter((c) => mine.includes(c.id))
          .map((c) => c.id)
          .sort(),
        statuses: new Set(listed.map((c) => c.status)),
      };
    };

    const joined = await listedOf('ACTIVE,INACTIVE');
    assert.equal(joined.sent, 'ACTIVE,INACTIVE');
    assert.deepEqual(joined.ids, [active.id, inactive.id].sort());
    assert.ok(!joined.statuses.has('CLOSED'));
    s.assertParses(s.ListConversationsResponse, s.withoutInlineConversations(joined.json));

    const repeated = await listedOf(['ACTIVE', 'INACTIVE']);
    assert.deepEqual(repeated.sent, ['ACTIVE', 'INACTIVE']);
    assert.deepEqual(repeated.ids, joined.ids);

    const both = await listedOf(['CLOSED', 'ACTIVE,INACTIVE']);
    assert.deepEqual(both.ids, [...mine].sort());

    // a joined filter is kept on later pages
    const first = await v2.conversations.page({ status: 'INACTIVE,CLOSED', pageSize: 1 });
    const second = await first.nextPage();
    assert.equal(http.last().params.status, 'INACTIVE,CLOSED');
    for (const c of [...first.instances, ...second.instances]) {
      assert.ok(['INACTIVE', 'CLOSED'].includes(c.status), c.status);
    }

    await invalid(v2.conversations.list({ status: 'ACTIVE,ENDED' }), /ENDED/);
  });

  it('an unknown field is a 400 naming it, and nothing is stored', async () => {
    const memoryStoreId = f.newMemoryStoreId();
    await invalid(
      v2.configurations.create(
        f.configurationBody({ memoryStoreId, redactionConfigId: 'rd_typo' }),
      ),
      /^Unknown field 'redactionConfigId'$/,
    );
    assert.deepEqual(await v2.configurations.list({ memoryStoreId }), []);

    const configurationId = await f.createConfiguration(v2);
    await invalid(
      f.createConversation(v2, {
        configurationId,
        configuration: { channelSetings: { SMS: { statusTimeouts: { closed: 10 } } } },
      }),
      /^Unknown field 'configuration\.channelSetings'$/,
    );
    await invalid(
      f.createConversation(v2, {
        configurationId,
        configuration: { channelSettings: { SMS: { statusTimeouts: { closed: 10, inactiv: 5 } } } },
      }),
      /^Unknown field 'configuration\.channelSettings\.SMS\.statusTimeouts\.inactiv'$/,
    );
    const conversation = await f.createConversation(v2, { configurationId });
    await invalid(
      v2.participants(conversation.id).create({
        addresses: [{ channel: 'EMAIL', address: f.newEmailAddress('x'), label: 'work' }],
      }),
      /^Unknown field 'addresses\[0\]\.label'$/,
    );
    assert.equal((await v2.participants(conversation.id).list()).length, 2);
  });
});
