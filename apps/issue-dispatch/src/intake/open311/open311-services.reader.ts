import { Injectable } from '@nestjs/common';
import { Open311Errors } from './open311-errors';
import { CategoriesReader } from '../../categories/categories.reader';
import { open311AttributesOf } from '../domain/open311-attributes';
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
      metadata: open311AttributesOf(category).length > 0,
      type: 'realtime',
      keywords: category.code.split('-').join(','),
      group: '',
    }));
  }

  /** The service's own attributes (or the common ones); 404 UNKNOWN_SERVICE_CODE for a code the district does not have. */
  async definition(jurisdictionId: string, code: string): Promise<Open311ServiceDefinition> {
    const category = await this.categories.find(jurisdictionId, code);
    if (!category) {
      throw Open311Errors.UNKNOWN_SERVICE_CODE(code, jurisdictionId);
    }
    return {
      service_code: code,
      attributes: [...open311AttributesOf(category)]
        .sort((a, b) => a.order - b.order)
        .map((a) => ({
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
