import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Caller } from '../../../../libs/auth/src';
import { POLICY_VERSIONS } from '../../../../libs/domain/src';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Problem, problemExample } from '../cases/case.schemas';
import { problems } from '../http/problem';

const PolicyVersions = z
  .strictObject({
    versions: z.array(
      z.looseObject({
        id: z.string(),
        effectiveFrom: z.iso.date().describe('New cases opened on or after this date take this version.'),
        local: z.record(z.string(), z.unknown()).describe('The partnership’s own numbers (every [policy] default).'),
        statutory: z.record(z.string(), z.unknown()).describe('Statutory rules, each a list of values keyed by the date they take effect.'),
      }),
    ),
  })
  .meta({ id: 'PolicyVersions' });

/**
 * The policy versions published in libs/domain (a new version is a reviewed change, as law and local
 * policy are): staff read them, and admins move a running case to one with its movePolicy command.
 */
@ApiTags('policy')
@ApiBearerAuth()
@Controller('policy-versions')
export class PolicyVersionsController {
  @Get()
  @AuditAction('policy.read')
  @ApiOperation({ summary: 'The policy versions', description: 'Every published version with its local numbers and its statutory rules by date. New cases take the latest in force; a running case moves only by its movePolicy command.' })
  @ApiResponse({ status: 200, description: 'The versions, oldest first.', standardSchema: PolicyVersions, example: { versions: POLICY_VERSIONS } })
  @ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
  @ApiResponse({ status: 403, description: 'Partner agencies do not see the partnership’s policy.', standardSchema: Problem, example: problemExample(403) })
  list(@CurrentCaller() caller: Caller): z.output<typeof PolicyVersions> {
    if (caller.roles.every((role) => role === 'partner')) throw problems.forbidden('the partnership’s policy versions are for its own staff');
    return { versions: POLICY_VERSIONS.map((version) => ({ ...version, local: { ...version.local }, statutory: { ...version.statutory } })) };
  }
}
