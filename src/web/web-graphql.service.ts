import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { ApolloDriver } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { RequestLoaders, type GraphQLContext } from '../common/loaders/request-loaders.js';
import type { TypedDocumentString } from './gql/graphql.js';
import { PageError } from './page.js';

/**
 * The pages' only way to the data: the public GraphQL API, executed in process (no second
 * HTTP hop) through the same Apollo server, plugins and limits as /graphql, as an anonymous
 * caller, so a page can show nothing the public API does not.
 */
@Injectable()
export class WebGraphql {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly dataSource: DataSource,
  ) {}

  async query<R, V extends Record<string, unknown>>(req: Request, document: TypedDocumentString<R, V>, variables: V): Promise<R> {
    const server = this.moduleRef.get(GraphQLModule<ApolloDriver>, { strict: false }).graphQlAdapter.instance;
    // The page's request, seen as anonymous whatever it carries: pages are public.
    const anonymous = Object.create(req, { actor: { value: null }, authFailed: { value: false } }) as Request;
    const contextValue: GraphQLContext = { req: anonymous, loaders: new RequestLoaders(this.dataSource) };
    const response = await server.executeOperation({ query: document.toString(), variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('Pages do not use incremental delivery');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) throw PageError.fromGraphQL(errors);
    return data as R;
  }
}
