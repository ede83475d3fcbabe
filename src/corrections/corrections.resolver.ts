import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Page } from '../common/pagination/connection.js';
import { Correction, CorrectionConnection, CorrectionsArgs } from './dto/correction.js';
import { CorrectionsService } from './corrections.service.js';

@Resolver(() => Correction)
export class CorrectionsResolver {
  constructor(private readonly service: CorrectionsService) {}

  @Query(() => CorrectionConnection, {
    description: 'Amendments, voids and back-fills of recorded events, newest first, each with its public reason and what it changed. No key needed.',
  })
  corrections(@Args() args: CorrectionsArgs): Promise<Page<Correction>> {
    return this.service.list(args);
  }
}
