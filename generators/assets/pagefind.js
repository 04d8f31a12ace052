/* Pagefind's API as the search page's UI sees it: search.js gives this folder as the UI's
   bundlePath, so the UI imports this module, and every call goes on to the primary
   bundle's own pagefind.js (window.portalFacets.primary), save one: the facets' filter
   files are fetched only once a reader asks for the facets (window.portalFacets.wanted).
   Pagefind's UI fetches every bundle's filters as it starts, to count the facets: at
   archive scale the largest part of what a query downloads (bench/RESULTS.md, "Search
   downloads"), paid by every search that never narrows. */
const facets = window.portalFacets;
const pagefind = await import(facets.primary);

export const options = (o) => pagefind.options(o);
export const mergeIndex = (path, o) => pagefind.mergeIndex(path, o);
export const init = () => pagefind.init();
let last = null;  // the latest search: what the results on screen answer
export const search = (term, o) => {
  last = [term, o];
  return pagefind.search(term, o);
};
export const debouncedSearch = (term, o, ms) => pagefind.debouncedSearch(term, o, ms);
export const preload = (term, o) => pagefind.preload(term, o);
export const destroy = () => pagefind.destroy();

/* The UI shows what this returns until its next search, and no search has counted the
   facets before their files came: so it is the counts of the search on screen (every
   value, with its count for that search), not the whole archive's. */
export async function filters() {
  await facets.wanted;
  const all = await pagefind.filters();
  const now = last && await pagefind.search(last[0], last[1]);
  const counts = now && now.filters ? now.filters : all;
  facets.loaded(Object.keys(counts));
  return counts;
}
