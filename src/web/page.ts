import type { GraphQLFormattedError } from 'graphql';
import type { ComponentChildren } from 'preact';
import type { Request } from 'express';
import type { Lang } from './i18n/lang.js';
import type { TypedDocumentString } from './gql/graphql.js';

/** What a page loader gives the layout: the words for the tab and for a pasted link, and the body. */
export interface Page {
  title: string;
  description: string;
  body: ComponentChildren;
  /** Browser scripts (names under /assets/js/) the page needs; most need none. */
  scripts?: string[];
  /** An Atom feed to advertise in the head (layout's `feed`). */
  feed?: { href: string; title: string };
  status?: number;
}

export interface PageContext {
  lang: Lang;
  /** The path and query of this page, for the language switch to come back to. */
  url: string;
  query: Record<string, string | undefined>;
  /** The public GraphQL API, anonymously. */
  gql<R, V extends Record<string, unknown>>(document: TypedDocumentString<R, V>, variables: V): Promise<R>;
  req: Request;
}

export type PageLoader = (ctx: PageContext, params: Record<string, string>) => Promise<Page>;

/** Why a page cannot be shown: the status and the API's error code, put into words by the error page. */
export class PageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  static notFound(message = 'Not found'): PageError {
    return new PageError(404, 'NOT_FOUND', message);
  }

  static fromGraphQL(errors: readonly GraphQLFormattedError[]): PageError {
    const first = errors[0];
    const ext = (first.extensions ?? {}) as { code?: string; domainCode?: string };
    const code = ext.domainCode ?? ext.code ?? 'INTERNAL_SERVER_ERROR';
    const status = ext.code === 'NOT_FOUND' || /_NOT_FOUND$/.test(code) ? 404 : ext.code === 'BAD_USER_INPUT' ? 400 : ext.code === 'SERVICE_UNAVAILABLE' ? 503 : 500;
    return new PageError(status, code, first.message);
  }
}
