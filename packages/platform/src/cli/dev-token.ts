// Issues a bearer token from the local issuer: pnpm token --role probation --region "South West" [--sub alice]
import { commandLine, readDevSecret } from '@resettle/infra';
import { localTokenIssuer } from '../tokens.js';
import { parseTokenArgs, tokenUsage } from './token-args.js';

const { caller, warnings } = commandLine(tokenUsage, parseTokenArgs);
for (const warning of warnings) console.error(warning);
const issue = localTokenIssuer({ secret: process.env.JWT_SECRET ?? readDevSecret() });
console.log(issue(caller));
