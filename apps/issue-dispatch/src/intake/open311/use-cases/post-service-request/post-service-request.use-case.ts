import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlaceReplica } from '@gridline/grid-replica';
import { ValidationFailedError } from '@gridline/platform';
import { Open311Errors } from '../../open311-errors';
import { CategoryPolicies } from '../../../../categories/category-policies';
import { open311AttributesOf, readAttributeAnswers } from '../../../domain/open311-attributes';
import { ReportIntake } from '../../../report-intake';
import { assertValidReport, open311FormToReport, serviceNotice } from './open311-report.mapper';
import { PostServiceRequestCommand } from './post-service-request.command';
import { PostedServiceRequestView } from './post-service-request.dto';

/**
 * Open311 POST requests.json: the form becomes the same report the REST API takes and goes through the same
 * intake (idempotency, routing, outbox events, timer, duplicates). Every check runs before anything is stored.
 */
@Injectable()
export class PostServiceRequestUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: ReportIntake,
    private readonly categories: CategoryPolicies,
  ) {}

  async execute({
    form,
    app,
    idempotencyKey,
    correlationId,
  }: PostServiceRequestCommand): Promise<PostedServiceRequestView[]> {
    const tenantId = form.jurisdiction_id;
    const category = await this.categories.find(tenantId, form.service_code);
    if (!category) {
      throw Open311Errors.UNKNOWN_SERVICE_CODE(form.service_code, tenantId);
    }
    const { answers, problems } = readAttributeAnswers(form.attribute, open311AttributesOf(category));
    if (problems.length > 0)
      throw new ValidationFailedError(problems.map((reason) => ({ field: 'attribute', reason })));
    let placeAddress: string | null = null;
    if (form.address_id !== undefined) {
      const place = await this.dataSource.manager.findOneBy(PlaceReplica, { tenantId, placeId: form.address_id });
      if (!place)
        throw new ValidationFailedError([
          { field: 'address_id', reason: `no registered place ${form.address_id} in jurisdiction ${tenantId}` },
        ]);
      placeAddress = place.address;
    }
    const report = await assertValidReport(open311FormToReport(form, placeAddress));
    const { api_key: _key, ...fingerprint } = form;
    const reported = await this.intake.submit(
      {
        tenantId,
        report,
        correlationId,
        reporterSubject: `open311:${app.id}`,
        intake: {
          source: 'open311',
          appId: app.id,
          details: {
            ...(form.device_id ? { deviceId: form.device_id } : {}),
            ...(form.account_id ? { accountId: form.account_id } : {}),
            attributes: answers,
          },
        },
        idempotencyScope: `open311:${tenantId}:${app.id}`,
        idempotencyKey,
        reader: null,
      },
      fingerprint,
    );
    return [
      { service_request_id: reported.id, service_notice: serviceNotice(reported.possibleDuplicates), account_id: null },
    ];
  }
}
