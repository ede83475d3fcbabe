import { Catch, HttpException, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../common/errors/domain-error.js';
import { PageError } from './page.js';
import { WebPages } from './web-pages.service.js';

/**
 * What the app refuses before a page's loader runs (the input pipe's text check on a path
 * parameter, such as `/pejabat/%00`) becomes a page in words, like the loader's own errors,
 * rather than the API's JSON.
 */
@Catch()
@Injectable()
export class PageExceptionFilter implements ExceptionFilter {
  constructor(private readonly pages: WebPages) {}

  catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const error =
      exception instanceof DomainError
        ? new PageError(exception.graphqlCode === 'NOT_FOUND' ? 404 : 400, exception.problems[0]?.code ?? exception.code, exception.message)
        : exception instanceof HttpException && exception.getStatus() < 500
          ? new PageError(exception.getStatus(), exception.getStatus() === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT', exception.message)
          : exception;
    return this.pages.render(http.getRequest<Request>(), http.getResponse<Response>(), () => Promise.reject(error));
  }
}
