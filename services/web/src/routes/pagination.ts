/** The page asked for in `?page=`: a whole number from 1; anything else is the first page. */
export function pageAsked(page: string | undefined): number {
  return Math.max(1, Number.parseInt(page ?? '1', 10) || 1);
}

/** How many pages `total` items make, `perPage` to a page (at least one, so an empty list has a page to say so). */
export function pagesFor(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** The items of page `page`, `perPage` to a page. */
export function itemsOfPage<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}

/**
 * GOV.UK Frontend's pagination for page `page` of `pages`, each link from `href(n)`; none when everything fits on one
 * page.
 */
export function paginationOf(page: number, pages: number, href: (page: number) => string) {
  if (pages <= 1) return undefined;
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
    items: Array.from({ length: pages }, (_, index) => ({
      number: index + 1,
      href: href(index + 1),
      current: index + 1 === page,
    })),
  };
}
