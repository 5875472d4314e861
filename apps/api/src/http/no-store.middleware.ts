import { NextFunction, Request, Response } from 'express';

/** API answers may carry personal data: no browser or proxy cache keeps them. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  next();
}
