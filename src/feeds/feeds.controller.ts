import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { notModified } from './conditional.js';
import { FeedsService, type Feed } from './feeds.service.js';

/** The scheme and host the reader used, for the feeds' absolute links. */
const origin = (req: Request) => `${req.protocol}://${req.get('host')}`;

/**
 * Atom feeds (RFC 4287) of new events and of corrections: all, per government (by region code), per unit (with its sub-units),
 * per post. Public, no key; rate-limited like the API (bootstrap.ts). Answers 304 to a reader
 * whose copy is current.
 */
@Controller('feeds')
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @Get('events.atom')
  async events(@Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.events({}, origin(req)));
  }

  @Get('units/:code/events.atom')
  async unitEvents(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.events({ unitCode: code }, origin(req)));
  }

  @Get('pemerintah/:government/events.atom')
  async governmentEvents(@Param('government') government: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.events({ government }, origin(req)));
  }

  @Get('posts/:code/events.atom')
  async postEvents(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.events({ postCode: code }, origin(req)));
  }

  @Get('corrections.atom')
  async corrections(@Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.correctionsFeed({}, origin(req)));
  }

  @Get('units/:code/corrections.atom')
  async unitCorrections(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.correctionsFeed({ unitCode: code }, origin(req)));
  }

  @Get('pemerintah/:government/corrections.atom')
  async governmentCorrections(@Param('government') government: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.correctionsFeed({ government }, origin(req)));
  }

  @Get('posts/:code/corrections.atom')
  async postCorrections(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.feeds.correctionsFeed({ postCode: code }, origin(req)));
  }
}

function send(req: Request, res: Response, feed: Feed): void {
  res.set({ etag: feed.etag, 'cache-control': 'public, max-age=60' });
  if (feed.lastModified) res.set('last-modified', feed.lastModified.toUTCString());
  if (notModified(req.headers as Record<string, string>, feed.etag, feed.lastModified)) {
    res.status(304).end();
    return;
  }
  res.status(200).type('application/atom+xml; charset=utf-8').send(feed.render());
}
