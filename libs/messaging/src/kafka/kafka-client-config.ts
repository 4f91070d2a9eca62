import { readFileSync } from 'node:fs';
import { KafkaConfig } from 'kafkajs';
import { KafkaConnection } from '@gridline/platform/config/kafka-connection';

/** The kafkajs settings that make a client authenticate as `connection.username` (and use TLS where asked). */
export function kafkaClientConfig(connection: KafkaConnection): Pick<KafkaConfig, 'brokers' | 'ssl' | 'sasl'> {
  if (connection.securityProtocol === 'PLAINTEXT') return { brokers: connection.brokers, ssl: false };
  return {
    brokers: connection.brokers,
    ssl:
      connection.securityProtocol === 'SASL_SSL'
        ? connection.caFile
          ? { ca: [readFileSync(connection.caFile, 'utf8')] }
          : true
        : false,
    sasl: { mechanism: 'scram-sha-512', username: connection.username, password: connection.password },
  };
}
