// Prints the platform's public events as they happen, one readable line each, for `npm start`.
import { randomBytes } from 'node:crypto';
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;

const levelNames = {
  micro: '微网格 micro',
  grid: '三级网格 level-3',
  community: '社区 community',
  street: '街道 street',
  district: '区调度中心 district centre',
  city: '市中心 city centre',
};

function describe(type, data) {
  const id = (data.issueId ?? '').slice(0, 8);
  switch (type) {
    case 'gridline.issue.reported':
      return `reported     ${id} ${data.category} via ${data.channel}`;
    case 'gridline.issue.dispatched':
      return `dispatched   ${id} to ${levelNames[data.level]}; acknowledge by ${data.ackDeadline.slice(11, 19)}Z`;
    case 'gridline.issue.escalated':
      return `ESCALATED    ${id} ${levelNames[data.fromLevel]} → ${levelNames[data.toLevel]} (depth ${data.depth}${data.critical ? ', critical' : ''})`;
    case 'gridline.issue.acknowledged':
      return `acknowledged ${id} at ${levelNames[data.level]}`;
    case 'gridline.volunteer.task-offered':
      return `offer        ${id} → volunteer ${data.volunteerId.slice(0, 8)} (${data.skill})`;
    case 'gridline.volunteer.task-unmatched':
      return `unmatched    ${id} no volunteer with ${data.skill}`;
    default:
      return null;
  }
}

/** `team`: the connection of a city analytics team (brokers, credentials, the prefix its consumer groups must carry). */
export async function startEventFeed(team, prefix, log) {
  const kafka = new Kafka({
    clientId: 'gridline-demo-feed',
    brokers: team.brokers,
    ssl: team.securityProtocol === 'SASL_SSL',
    sasl: { mechanism: 'scram-sha-512', username: team.username, password: team.password },
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `${team.groupPrefix}${randomBytes(3).toString('hex')}` });
  await consumer.connect();
  await consumer.subscribe({
    topics: [`${prefix}gridline.dispatch.issue-events.v1`, `${prefix}gridline.volunteer.task-offers.v1`],
    fromBeginning: false,
  });
  let joined;
  const ready = new Promise((resolve) => (joined = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.run({
    eachMessage: async ({ message }) => {
      const type = message.headers?.ce_type?.toString();
      const line = type && describe(type, JSON.parse(message.value.toString()));
      if (line) log(`event: ${new Date().toISOString().slice(11, 19)} ${line}`);
    },
  });
  await ready;
  return () => consumer.disconnect();
}
