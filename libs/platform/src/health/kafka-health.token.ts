/**
 * Injection token for whatever reports the service's Kafka state (libs/messaging provides its KafkaRuntime):
 * platform cannot import messaging, which builds on it.
 */
export const KAFKA_HEALTH = Symbol('KAFKA_HEALTH');

export interface KafkaHealthSource {
  readiness(): { readonly ready: boolean } & Record<string, unknown>;
}
