import { ApiProperty } from '@nestjs/swagger';

class FieldProblemView {
  @ApiProperty({ example: 'parentId' }) field: string;
  @ApiProperty({ example: 'unknown grid' }) reason: string;
}

/** The body of every 4xx/5xx, as ApiErrorFilter writes it; declared for the OpenAPI document. */
export class ApiErrorView {
  @ApiProperty({ example: 422 }) statusCode: number;
  @ApiProperty({ example: 'WRONG_LEVEL_UNDER_PARENT', description: 'Stable machine-readable code.' }) code: string;
  @ApiProperty({ example: "a 'micro' cannot be placed under a 'street': it belongs under a 'grid' or 'community'" })
  message: string;
  @ApiProperty({ type: [FieldProblemView] }) details: FieldProblemView[];
}
