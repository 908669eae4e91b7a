import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@sanshe/common';
import { setListCountCap } from './keyset-page';

/**
 * The pool the API and worker use: the application role (no table ownership, no BYPASSRLS). Entities are
 * registered by each domain module with `TypeOrmModule.forFeature`; the schema belongs to the migrations.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        setListCountCap(config.listCountCap);
        return {
        type: 'postgres',
        url: config.databaseUrl,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        extra: {
          max: config.databasePoolSize,
          application_name: 'sanshe',
          // Bounded waits, so a database that is down or stuck answers 503 within seconds instead of holding
          // requests (and their sockets) open: a connection must be made in 5 s, a statement finish in 30 s
          // (server side, then client side as a backstop), and a transaction may not sit idle for a minute.
          connectionTimeoutMillis: 5_000,
          // A connection idle for a minute is closed (pg's default is 10 s). Opening one costs a backend process, the
          // SCRAM exchange and the access check's PREPARE; on a busy machine that churn between a page's bursts of
          // requests is the likeliest way a wait went past the 5 s above (a 503 on the tranche list, loaded CI run).
          idleTimeoutMillis: 60_000,
          statement_timeout: 30_000,
          query_timeout: 35_000,
          idle_in_transaction_session_timeout: 60_000,
          keepAlive: true,
        },
        };
      },
    }),
  ],
})
export class DatabaseModule {}
