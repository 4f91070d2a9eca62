import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { TokenVerifier } from './token-verifier';

/** Installs the access guard on every route of the service. Needs ServiceConfigModule. */
@Global()
@Module({
  providers: [TokenVerifier, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [TokenVerifier],
})
export class AuthModule {}
