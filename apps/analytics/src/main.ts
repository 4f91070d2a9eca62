import 'reflect-metadata';
import { connectEventServers } from '@gridline/messaging';
import { bootstrapService, loadServiceConfig, runService } from '@gridline/platform';
import { AnalyticsModule } from './analytics.module';
import { loadAnalyticsMode } from './analytics-mode';
import { loadFeedConfig } from './feed/feed.config';
import { analyticsIdentity } from './service-identity';

runService(async () => {
  const config = loadServiceConfig(analyticsIdentity);
  await bootstrapService(AnalyticsModule.with(config, loadFeedConfig(), loadAnalyticsMode()), config, {
    title: 'Gridline analytics',
    description:
      'Projections of every public event stream: issue counts per level and category, escalation paths, district and city summaries, ' +
      'the escalation board, case-loop KPIs and the dispatch-centre live feed (Server-Sent Events).',
    connectMicroservices: connectEventServers,
  });
});
