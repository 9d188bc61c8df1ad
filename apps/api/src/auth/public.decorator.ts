import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = Symbol('public-route');

/** Marks a route anyone may call (health, the API description); everything else needs a verified token. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
