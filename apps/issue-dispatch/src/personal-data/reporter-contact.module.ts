import { Module } from '@nestjs/common';
import { CaseAccessModule } from '../issues/case-access.module';
import { ReporterContactController } from './reporter-contact.controller';
import { ReporterContactErasure } from './reporter-contact-erasure';
import { ReporterContactReader } from './reporter-contact.reader';
import { ReporterContactReads } from './reporter-contact-reads';
import { EraseExpiredContactUseCase } from './use-cases/erase-expired-contact/erase-expired-contact.use-case';
import { EraseOwnContactUseCase } from './use-cases/erase-own-contact/erase-own-contact.use-case';

/**
 * The reporter's contact on a case (docs/adr/0022): every answer that shows it is logged, and it is erased the
 * district's period after the case finishes or at once at the reporter's request. The issues feature records the
 * reads it shows and schedules the erasure when a case finishes, so ReporterContactReads and
 * ReporterContactErasure are exported. The access log and retention periods come from the global
 * PersonalDataModule the root configures; the name ReporterContactModule keeps this feature apart from it.
 */
@Module({
  imports: [CaseAccessModule],
  controllers: [ReporterContactController],
  providers: [
    ReporterContactReads,
    ReporterContactReader,
    ReporterContactErasure,
    EraseExpiredContactUseCase,
    EraseOwnContactUseCase,
  ],
  exports: [ReporterContactReads, ReporterContactErasure],
})
export class ReporterContactModule {}
