import { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** Where `npm run build:web` puts the console: dist/web, seen from src/ (tests) or dist/src/ (npm start). */
export const CONSOLE_DIR = resolve(__dirname, __dirname.includes(`${sep}dist${sep}`) ? '../../web' : '../../dist/web');

/**
 * Every GET path but the API's: /graphql, /health, /ready, /metrics, and the files it serves (a delegate's meeting
 * agenda, the alliance report as CSV). Everything else is a console page.
 */
export const CONSOLE_PAGES = /^\/(?!(graphql|health|ready|metrics)(\/|$)|meetings\/agenda\.ics$|reports\/alliance\.csv$).*/;

/**
 * Serves the built console at / beside the API: its hashed assets for a year, and index.html for every other page
 * path (the console routes in the browser), never cached, so a new build shows at the next load. Nothing is served
 * when the console was not built (an API-only deployment, or the backend tests). Express's own static serving rather
 * than @nestjs/serve-static, which is ESM-only and cannot load in the jest runtime the backend tests use.
 */
export function serveConsole(app: NestExpressApplication, dir: string = CONSOLE_DIR): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', fallthrough: false });
  const express = app.getHttpAdapter().getInstance() as { get(path: RegExp, handler: (req: unknown, res: PageResponse) => void): void };
  express.get(CONSOLE_PAGES, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}

interface PageResponse {
  setHeader(name: string, value: string): void;
  sendFile(path: string): void;
}
