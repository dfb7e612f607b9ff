import type { Role } from '@resettle/platform';
import type { SignedInUser } from '../auth/session.js';

/** Each role's main journey: where she lands after signing in, and her navigation. */
export const MAIN_PAGES: { role: Role; href: string; text: string }[] = [
  { role: 'probation', href: '/probation', text: 'Upcoming releases' },
  { role: 'probation', href: '/safeguarding-reviews', text: 'Safeguarding reviews' },
  { role: 'probation', href: '/restricted-areas', text: 'Restricted areas' },
  { role: 'release-planner', href: '/releases', text: 'Releases' },
  { role: 'release-supervisor', href: '/releases', text: 'Releases' },
  { role: 'prison-healthcare', href: '/handoffs', text: 'Treatment handoffs' },
  { role: 'provider', href: '/provider/handoffs', text: 'Handoffs to us' },
  { role: 'provider', href: '/provider/messages', text: 'Messages to your system' },
  { role: 'accommodation-coordinator', href: '/accommodation', text: 'Accommodation' },
  { role: 'transport-coordinator', href: '/travel', text: 'Travel from the gate' },
  { role: 'probation', href: '/continuity', text: 'Continuity of care' },
  { role: 'auditor', href: '/continuity', text: 'Continuity of care' },
  { role: 'admin', href: '/continuity', text: 'Continuity of care' },
  { role: 'data-protection', href: '/subject-access', text: 'Subject access' },
];

export function navigationFor(user: SignedInUser, currentUrl: string) {
  const pages = MAIN_PAGES.filter((page) => user.roles.includes(page.role));
  const unique = pages.filter((page, index) => pages.findIndex((other) => other.href === page.href) === index);
  return unique.map((page) => ({
    ...page,
    active:
      currentUrl === page.href || currentUrl.startsWith(`${page.href}/`) || currentUrl.startsWith(`${page.href}?`),
  }));
}

export function homeOf(user: SignedInUser): string | undefined {
  return MAIN_PAGES.find((page) => user.roles.includes(page.role))?.href;
}
