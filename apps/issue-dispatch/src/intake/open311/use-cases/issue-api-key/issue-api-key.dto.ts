import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class IssueApiKeyDto {
  @ApiProperty({ example: '郑州城市大脑 civic app', description: 'Which app the key is for (shown in the key list).' })
  @IsString()
  @Length(1, 100)
  appName: string;
}

export class ApiKeyView {
  @ApiProperty() keyId: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() appName: string;
  @ApiProperty({ description: 'The last four characters of the key.' }) keyHint: string;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class IssuedApiKeyView extends ApiKeyView {
  @ApiProperty({
    description: 'The key itself: shown only now, stored only as a hash. Give it to the app as `api_key`.',
  })
  apiKey: string;
}
