import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import { toOpen311Xml } from '../domain/open311-xml';

const DOCUMENT_ROOT = 'open311:document-root';

/** The root element of a route's XML document (`services`, `service_requests`, …). */
export const Open311Document = (root: string) => SetMetadata(DOCUMENT_ROOT, root);

/** Whether a request asked for GeoReport's XML format (its path ends in `.xml`) rather than JSON. */
export const wantsOpen311Xml = (request: Request): boolean => request.path.endsWith('.xml');

/**
 * Every Open311 route answers in JSON or, for the same path ending in `.xml`, in GeoReport v2's XML: the handler
 * returns the JSON-shaped answer either way and this turns it into the XML document of the route's root.
 */
@Injectable()
export class Open311FormatInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    if (!wantsOpen311Xml(http.getRequest<Request>())) return next.handle();
    const root = this.reflector.get<string>(DOCUMENT_ROOT, context.getHandler());
    return next.handle().pipe(
      map((body) => {
        http.getResponse<Response>().type('application/xml');
        return toOpen311Xml(root, body);
      }),
    );
  }
}
