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
        extra: { max: config.databasePoolSize, application_name: 'sanshe' },
        };
      },
    }),
  ],
})
export class DatabaseModule {}
