import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthController } from './common/http/health.controller.js';
import { graphqlOptions } from './common/graphql/graphql.options.js';
import { APP_CONFIG, type AppConfig } from './config.js';
import { dataSourceOptions } from './database/data-source.js';
import { AgenciesModule } from './modules/agencies/agencies.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { YoungPeopleModule } from './modules/young-people/young-people.module.js';
import { ImportsModule } from './modules/imports/imports.module.js';
import { GeographyModule } from './modules/geography/geography.module.js';
import { IntelligenceModule } from './modules/intelligence/intelligence.module.js';
import { ReturnsModule } from './modules/returns/returns.module.js';
import { AnalyticsModule } from './modules/analytics/analytics.module.js';
import { MeetingsModule } from './modules/meetings/meetings.module.js';
import { RetentionModule } from './modules/retention/retention.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [DataSource],
          useFactory: (ds: DataSource) => graphqlOptions(config, ds),
        }),
        AuditModule,
        AuthModule,
        UsersModule,
        AgenciesModule,
        YoungPeopleModule,
        ImportsModule,
        GeographyModule,
        IntelligenceModule,
        ReturnsModule,
        AnalyticsModule,
        MeetingsModule,
        RetentionModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
