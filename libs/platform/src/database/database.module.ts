import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';

export interface DatabaseModuleOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function>;
}

/** Migrations are stored in the service's own schema, which must exist before TypeORM looks for its table. */
async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}

/**
 * The service's PostgreSQL connection: one schema per service, migrations run at start-up, never
 * `synchronize`.
 */
@Module({})
export class DatabaseModule {
  static forService(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [SERVICE_CONFIG],
          useFactory: (config: ServiceConfig) => ({
            type: 'postgres' as const,
            url: config.databaseUrl,
            schema: config.databaseSchema,
            entities: options.entities,
            migrations: options.migrations,
            migrationsRun: true,
            migrationsTransactionMode: 'each' as const,
            synchronize: false,
            // search_path lets raw SQL in shared libs (outbox, inbox, timers) name tables without the schema.
            extra: {
              max: 20,
              application_name: config.serviceName,
              options: `-c search_path=${config.databaseSchema}`,
            },
          }),
          dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) => {
            const pgOptions = dataSourceOptions as DataSourceOptions & { url: string; schema: string };
            await ensureSchema(pgOptions.url, pgOptions.schema);
            return new DataSource(pgOptions).initialize();
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
