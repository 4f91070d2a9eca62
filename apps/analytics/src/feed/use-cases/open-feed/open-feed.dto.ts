import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class OpenFeedQuery {
  @ApiPropertyOptional({
    description:
      'The bearer token, for clients that cannot set headers (the browser EventSource). Accepted on the feed routes only; prefer the Authorization header.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 8192)
  access_token?: string;

  @ApiPropertyOptional({
    description:
      'The id of the last message seen, if the client cannot send the Last-Event-ID header; the header wins.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  lastEventId?: string;
}
