// Issues a bearer token from the local issuer: pnpm token --role probation --region south-west [--sub alice]
import { parseArgs } from 'node:util';
import { readDevSecret } from '@resettle/infra';
import { ROLES, type Role } from '../http/auth.js';
import { localTokenIssuer } from '../tokens.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true, default: ['probation'] },
    sub: { type: 'string', default: 'dev-user' },
    organisation: { type: 'string' },
    prison: { type: 'string' },
    region: { type: 'string' },
  },
});

const roles = values.role.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
if (roles.length !== values.role.length) {
  console.error(`unknown role; choose from: ${ROLES.join(', ')}`);
  process.exit(2);
}
const issue = localTokenIssuer({ secret: process.env.JWT_SECRET ?? readDevSecret() });
const { organisation, prison, region } = values;
console.log(issue({ sub: values.sub, roles, organisation, prison, region }));
