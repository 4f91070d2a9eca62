import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@gridline/platform';
import { CategoriesReader } from '../../categories/categories.reader';
import { commonOpen311Attributes } from '../domain/open311-attributes';
import { Open311Service, Open311ServiceDefinition } from './open311.dto';

/** Open311's services of a jurisdiction: the district's issue categories, and the questions a request may answer. */
@Injectable()
export class Open311ServicesReader {
  constructor(private readonly categories: CategoriesReader) {}

  async services(jurisdictionId: string): Promise<Open311Service[]> {
    const categories = await this.categories.list(jurisdictionId);
    return categories.map((category) => ({
      service_code: category.code,
      service_name: category.name,
      description: category.name,
      metadata: commonOpen311Attributes.length > 0,
      type: 'realtime',
      keywords: category.code.split('-').join(','),
      group: '',
    }));
  }

  /** The same attributes for every service; 404 UNKNOWN_SERVICE_CODE for a code the district does not have. */
  async definition(jurisdictionId: string, code: string): Promise<Open311ServiceDefinition> {
    if (!(await this.categories.exists(jurisdictionId, code))) {
      throw new NotFoundError(
        'UNKNOWN_SERVICE_CODE',
        `service_code ${code} is not a service of jurisdiction ${jurisdictionId}`,
      );
    }
    return {
      service_code: code,
      attributes: commonOpen311Attributes.map((a) => ({
        variable: true,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatypeDescription,
        order: a.order,
        description: a.description,
        values: a.values.map((v) => ({ key: v.key, name: v.name })),
      })),
    };
  }
}
