import { Injectable } from '@nestjs/common';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestLoaders } from '../common/loaders/request-loaders.js';
import type { Position } from './position.entity.js';

/** The query a post is read for: what it selects below the post, and the request's loaders to fill. */
export interface PostQuery {
  info: GraphQLResolveInfo;
  loaders: RequestLoaders;
}

/**
 * Reads the post and, in the same statement, rows the query selects below it (priming their
 * loaders); null when there is no such post, undefined when the query selects nothing it
 * reads.
 */
export type PostReadPlan = (by: { id: string } | { code: string }, query: PostQuery) => Promise<Position | null> | undefined;

/**
 * Plans for reading a post together with what hangs below it, registered by the modules that
 * own those rows (appointments/ for `holder(on:)`): a point read stays one statement while
 * positions/ knows nothing of them.
 */
@Injectable()
export class PostReadPlans {
  private readonly plans: PostReadPlan[] = [];

  register(plan: PostReadPlan): void {
    this.plans.push(plan);
  }

  /** The first plan that applies to `query`, run; undefined when none does. */
  read(by: { id: string } | { code: string }, query: PostQuery): Promise<Position | null> | undefined {
    for (const plan of this.plans) {
      const read = plan(by, query);
      if (read) return read;
    }
    return undefined;
  }
}
